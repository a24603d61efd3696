const formatter = new Intl.DateTimeFormat('en-IE', { dateStyle: 'medium', timeZone: 'UTC' })

/** "26 Nov 2026": dates are shown, like money, only at the edge. */
export function formatDate(iso: string): string {
  return formatter.format(new Date(iso))
}
