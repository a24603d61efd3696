// A virtual shopper of the storefront, over HTTP as a browser sends it (no browser): pages, next-auth's sign-in,
// and the server actions the pages' own buttons call, found in the rendered pages and their scripts, their
// arguments encoded by React's own encoder. Answers "The shop is busy" by waiting and clicking again, as a person would.
import { createRequire } from 'node:module'
import { CookieJar } from './http.mjs'
// React's own encoder for server-action arguments, from the copy Next ships.
const require = createRequire(import.meta.url)
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node')

export const SHOP_BUSY = 'The shop is busy, try again in a few seconds.'
const STORE_UNAVAILABLE = 'The store is unavailable right now'
const IDLE = { status: 'idle', message: '' }

/** Server action ids by exported name, read from the scripts a page loads (`createServerReference(id, …, name)`). */
export class ActionDirectory {
  ids = new Map()
  /** One read of each script, shared by every shopper that asks while it is under way. */
  scripts = new Map()

  constructor(storefrontUrl) {
    this.storefrontUrl = storefrontUrl
  }

  async idOf(name, html) {
    const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => match[1])
    await Promise.all(sources.map((src) => this.scan(src)))
    const id = this.ids.get(name)
    if (!id) throw new Error(`no server action ${name} in the page's scripts`)
    return id
  }

  scan(src) {
    if (!this.scripts.has(src)) {
      const reading = fetch(new URL(src, this.storefrontUrl))
        .then((response) => response.text())
        .then((script) => {
          for (const [, id, exported] of script.matchAll(/createServerReference\)\("([0-9a-f]+)",[^"]*"(\w+)"\)/g))
            this.ids.set(exported, id)
        })
      this.scripts.set(src, reading)
    }
    return this.scripts.get(src)
  }
}

/** The value a server action returned, from its React Server Components answer (`0:{"a":"$@1",…}` then `1:{…}`). */
function actionResult(text) {
  const rows = new Map()
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line)
    if (match) rows.set(match[1], match[2])
  }
  const root = JSON.parse(rows.get('0') ?? '{}')
  const pointer = typeof root.a === 'string' && root.a.startsWith('$@') ? root.a.slice(2) : undefined
  if (pointer === undefined) return root.a
  return JSON.parse(rows.get(pointer) ?? 'null')
}

export class Shopper {
  jar = new CookieJar()

  constructor({ storefrontUrl, actions, stats, email, password }) {
    Object.assign(this, { storefrontUrl, actions, stats, email, password })
  }

  async page(step, path) {
    for (;;) {
      const started = performance.now()
      const response = await fetch(new URL(path, this.storefrontUrl), {
        headers: { cookie: this.jar.header(), accept: 'text/html' },
        redirect: 'manual',
      })
      this.jar.take(response)
      const html = await response.text()
      // Commerce Layer kept refusing past the shop's short retries: the page is the shop's error page ("The store is
      // unavailable right now, please try again", app/error.tsx, drawn in the browser from a 500), and a person
      // tries again in a moment.
      if (response.status >= 500 || html.includes(STORE_UNAVAILABLE)) {
        this.stats.busy(step)
        this.stats.tryAgainPage()
        await new Promise((resolve) => setTimeout(resolve, 2000 + Math.random() * 2000))
        continue
      }
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`)
      this.stats.time(step, performance.now() - started)
      this.stats.pageView()
      return html
    }
  }

  /** next-auth's credentials sign-in, as its `signIn()` sends it. */
  async signIn() {
    const started = performance.now()
    const csrf = await fetch(new URL('/api/auth/csrf', this.storefrontUrl), { headers: { cookie: this.jar.header() } })
    this.jar.take(csrf)
    const { csrfToken } = await csrf.json()
    const answer = await fetch(new URL('/api/auth/callback/credentials', this.storefrontUrl), {
      method: 'POST',
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email: this.email, password: this.password, json: 'true' }),
      redirect: 'manual',
    })
    this.jar.take(answer)
    const { url } = await answer.json().catch(() => ({}))
    this.stats.time('sign in', performance.now() - started)
    const refused = typeof url === 'string' && url.includes('error=')
    return !refused && [...this.jar.cookies.keys()].some((name) => name.includes('next-auth.session-token'))
  }

  /** One click on a button bound to a server action: `[previous state, the form's fields]`, as React sends it. */
  async callAction(step, path, name, html, fields) {
    const id = await this.actions.idOf(name, html)
    const form = new FormData()
    for (const [key, value] of Object.entries(fields)) form.append(key, value)
    const body = await encodeReply([IDLE, form])
    for (;;) {
      const started = performance.now()
      const response = await fetch(new URL(path, this.storefrontUrl), {
        method: 'POST',
        headers: { cookie: this.jar.header(), accept: 'text/x-component', 'next-action': id },
        body,
        redirect: 'manual',
      })
      this.jar.take(response)
      const text = await response.text()
      this.stats.time(step, performance.now() - started)
      if (response.status >= 400) throw new Error(`${name} answered ${response.status}: ${text.slice(0, 200)}`)
      const redirect = response.headers.get('x-action-redirect')
      if (redirect) return { redirect: redirect.split(';')[0] }
      const result = actionResult(text)
      if (result?.message === SHOP_BUSY) {
        this.stats.busy(step)
        await new Promise((resolve) => setTimeout(resolve, 2000 + Math.random() * 2000))
        continue
      }
      return { result }
    }
  }
}
