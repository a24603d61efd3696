// Readiness for process managers and the end-to-end runner: the storefront process is up.
export function GET() {
  return Response.json({ status: 'ok' })
}
