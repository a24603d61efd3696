/** What an account form's server action answers: a message, and errors next to the fields they concern. */
export type FormState<Field extends string> = {
  status: 'idle' | 'success' | 'error'
  message: string
  fieldErrors: Partial<Record<Field, string>>
  /** Echoed back so a refused form keeps what the shopper typed (never a password). */
  values: Partial<Record<Field, string>>
}

export function idleForm<Field extends string>(): FormState<Field> {
  return { status: 'idle', message: '', fieldErrors: {}, values: {} }
}
