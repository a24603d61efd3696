import type { APIRequestContext, Page } from '@playwright/test'

/** A server action request as the browser sent it: enough to send it again, from anyone, with other input. */
export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer }

/**
 * Lets `trigger` submit a form, catches the server action request it sends (before it reaches the server),
 * and returns it. Server actions are public endpoints; tests replay them to prove they check who calls.
 */
export async function captureServerAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let resolveCaptured!: (action: CapturedAction) => void
  const captured = new Promise<CapturedAction>((resolve) => (resolveCaptured = resolve))
  await page.route('**/*', async (route) => {
    const request = route.request()
    const headers = await request.allHeaders()
    if (request.method() === 'POST' && headers['next-action']) {
      resolveCaptured({ url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) })
      await route.abort()
      return
    }
    // A request that was handled meanwhile (the page moved on and cancelled it, a prefetch) needs nothing more.
    await route.continue().catch((error: unknown) => {
      if (!String(error).includes('Route is already handled')) throw error
    })
  })
  await trigger()
  const action = await captured
  await page.unroute('**/*')
  return action
}

/** Sends a captured action again through `request` (its own cookies), with strings in the body replaced. */
export async function replayServerAction(
  request: APIRequestContext,
  action: CapturedAction,
  replacements: Record<string, string> = {},
) {
  let body = action.body.toString('latin1')
  for (const [from, to] of Object.entries(replacements)) body = body.split(from).join(to)
  const headers = Object.fromEntries(
    Object.entries(action.headers).filter(([name]) =>
      ['next-action', 'next-router-state-tree', 'content-type', 'accept'].includes(name),
    ),
  )
  const response = await request.post(action.url, { headers, data: Buffer.from(body, 'latin1') })
  return { status: response.status(), text: await response.text() }
}
