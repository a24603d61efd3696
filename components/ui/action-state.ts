/** What a cart action tells the page: nothing yet, that it worked, or what went wrong, in words. */
export type ActionState = { status: 'idle' | 'success' | 'error'; message: string }

export const idleState: ActionState = { status: 'idle', message: '' }
export const succeeded = (message: string): ActionState => ({ status: 'success', message })
export const failed = (message: string): ActionState => ({ status: 'error', message })
