import { MERCHANT_NAME, PAYMENT_METHOD_CATEGORY } from './plans'

/**
 * The HTML of Klarna's two iframes: the widget `load` renders in the shop's container, and the dialog
 * `authorize` opens over the page. Scripts and styles are separate files, so the pages run under a CSP
 * with no inline script.
 */

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

/** JSON for a `<script type="application/json">` block: `<` escaped so no value can close the tag. */
const jsonBlock = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

const ASSETS = '/klarna/kp/assets'

function page(opts: { title: string; bodyClass: string; config: unknown; script: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<link rel="stylesheet" href="${ASSETS}/klarna.css">
</head>
<body class="${opts.bodyClass}">
<script type="application/json" id="klarna-config">${jsonBlock(opts.config)}</script>
${opts.body}
<script src="${ASSETS}/${opts.script}"></script>
</body>
</html>
`
}

export type WidgetView =
  { available: true; amount: string; headline: string; rest: string } | { available: false; reason: string }

export function widgetPage(view: WidgetView, config: { origin: string }): string {
  const content = view.available
    ? `<div class="widget-head">
    <img class="badge" src="${ASSETS}/badge.svg" alt="Klarna" width="60" height="26">
    <span class="widget-name">${escapeHtml(PAYMENT_METHOD_CATEGORY.name)}</span>
    <span class="widget-amount">${escapeHtml(view.amount)}</span>
  </div>
  <p class="widget-plan"><strong>${escapeHtml(view.headline)}</strong>, ${escapeHtml(view.rest)}</p>
  <p class="widget-note">You choose how to pay when you confirm with Klarna.</p>`
    : `<div class="widget-head">
    <img class="badge" src="${ASSETS}/badge.svg" alt="Klarna" width="60" height="26">
    <span class="widget-name">${escapeHtml(PAYMENT_METHOD_CATEGORY.name)}</span>
  </div>
  <p class="widget-plan">${escapeHtml(view.reason)}</p>`
  return page({
    title: `Klarna: ${PAYMENT_METHOD_CATEGORY.name}`,
    bodyClass: 'widget',
    config: { ...config, show_form: view.available },
    script: 'widget.js',
    body: `<main class="widget-card">
  ${content}
</main>`,
  })
}

/** The dialog's shell; dialog.js fills it once the library has sent the authorize request. */
export function dialogPage(config: { origin: string }): string {
  return page({
    title: 'Klarna',
    bodyClass: 'dialog',
    config,
    script: 'dialog.js',
    body: `<div class="backdrop">
<div class="sheet" role="dialog" aria-modal="true" aria-labelledby="title-loading" aria-describedby="purchase" aria-busy="true">
  <header class="sheet-head">
    <img class="badge" src="${ASSETS}/badge.svg" alt="Klarna" width="72" height="31">
    <button type="button" class="close" data-testid="close-dialog" aria-label="Close Klarna and go back to the shop">
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20"><path d="M4 4l12 12M16 4L4 16" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
    </button>
  </header>

  <div class="purchase" id="purchase">
    <span class="merchant" id="merchant-name">${escapeHtml(MERCHANT_NAME)}</span>
    <span class="amount" id="purchase-amount"></span>
  </div>

  <p class="error" id="dialog-error" role="alert"></p>

  <section class="step" id="step-loading" data-step="loading">
    <h1 id="title-loading" class="sr-only">Klarna</h1>
    <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span> Connecting to Klarna…</p>
  </section>

  <form class="step" id="step-identify" data-step="identify" hidden novalidate>
    <h1 id="title-identify" tabindex="-1">Continue with Klarna</h1>
    <p class="lead">Enter your email address to pay with Klarna.</p>
    <label for="kaf-email">Email address</label>
    <input id="kaf-email" name="email" type="email" autocomplete="email" inputmode="email" required
      data-testid="kaf-field" aria-describedby="kaf-email-hint">
    <p class="hint" id="kaf-email-hint">We'll send you a code to confirm it's you.</p>
    <button type="submit" class="primary" data-testid="kaf-button">Continue</button>
  </form>

  <form class="step" id="step-code" data-step="code" hidden novalidate>
    <h1 id="title-code" tabindex="-1">Enter your code</h1>
    <p class="lead">We sent a 6-digit code to <strong id="code-email"></strong>.</p>
    <div id="otp_field__container">
      <label for="otp_field">6-digit code</label>
      <input id="otp_field" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code"
        pattern="[0-9]{6}" maxlength="6" required aria-describedby="otp-hint">
    </div>
    <p class="hint" id="otp-hint">Sandbox: any 6 digits work, except 999999.</p>
    <button type="submit" class="primary">Continue</button>
    <button type="button" class="link" id="change-email">Use a different email</button>
  </form>

  <form class="step" id="step-plan" data-step="plan" hidden novalidate>
    <h1 id="title-plan" tabindex="-1">Choose how to pay</h1>
    <fieldset>
      <legend class="sr-only">Payment plan</legend>
      <div class="plans" id="plans"></div>
    </fieldset>
    <button type="submit" class="primary" data-testid="pick-plan">Continue</button>
  </form>

  <form class="step" id="step-confirm" data-step="confirm" hidden novalidate>
    <h1 id="title-confirm" tabindex="-1">Confirm and pay</h1>
    <dl class="summary">
      <div><dt>Pay to</dt><dd id="summary-merchant">${escapeHtml(MERCHANT_NAME)}</dd></div>
      <div><dt>Amount</dt><dd id="summary-amount"></dd></div>
      <div><dt>Plan</dt><dd id="summary-plan"></dd></div>
      <div><dt>Klarna account</dt><dd id="summary-email"></dd></div>
    </dl>
    <button type="submit" class="primary" data-testid="confirm-and-pay">Confirm and pay</button>
    <button type="button" class="link" id="change-plan">Change plan</button>
  </form>

  <footer class="sheet-foot">Klarna sandbox: no real payment is made.</footer>
</div>
</div>`,
  })
}
