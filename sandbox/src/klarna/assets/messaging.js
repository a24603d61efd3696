/*
 * Klarna On-Site Messaging stand-in: what https://js.klarna.com/web-sdk/v1/klarna.js does for a
 * `<klarna-placement>`, served by the sandbox at /klarna/web-sdk/v1/klarna.js. A shop switches between this file
 * and Klarna's by its URL alone: the same script tag (`data-client-id`, optional `data-environment`), the same
 * element and attributes (`data-key`, `data-locale`, `data-purchase-amount` in minor units), and
 * `window.Klarna.OnsiteMessaging.refresh()`. It renders into the element's shadow root, as Klarna's does, and
 * talks to nothing: the message is computed here from the attributes.
 */
;(function () {
  'use strict'
  var script = document.currentScript
  var clientId = script && script.getAttribute('data-client-id')
  var klarna = (window.Klarna = window.Klarna || {})
  if (klarna.OnsiteMessaging && klarna.OnsiteMessaging._sandboxStandIn) return // loaded twice: keep the first

  var KEYS = ['credit-promotion-badge', 'credit-promotion-auto-size', 'top-strip-promotion-badge']
  var CURRENCIES = { GB: 'GBP', SE: 'SEK', DK: 'DKK', NO: 'NOK', PL: 'PLN', CH: 'CHF', CZ: 'CZK', US: 'USD', CA: 'CAD' }
  var INSTALMENTS = 3

  function currencyOf(locale) {
    var country = String(locale || '').split('-')[1] || ''
    return CURRENCIES[country.toUpperCase()] || 'EUR'
  }

  /** What the placement says for its attributes, or null when Klarna would show nothing. */
  function messageFor(element) {
    var key = element.getAttribute('data-key')
    var locale = element.getAttribute('data-locale')
    if (!clientId || KEYS.indexOf(key) < 0 || !/^[a-z]{2}-[A-Z]{2}$/.test(locale || '')) return null
    var amount = Number(element.getAttribute('data-purchase-amount'))
    if (key === 'top-strip-promotion-badge' || !(amount > 0) || Math.floor(amount) !== amount) {
      return 'Pay later with Klarna.'
    }
    var money = new Intl.NumberFormat(locale, { style: 'currency', currency: currencyOf(locale) })
    return 'Pay in ' + INSTALMENTS + ' interest-free payments of ' + money.format(amount / INSTALMENTS / 100) + '.'
  }

  function render(element) {
    var root = element.shadowRoot || element.attachShadow({ mode: 'open' })
    var message = messageFor(element)
    root.replaceChildren()
    if (message === null) {
      if (!clientId) console.error('Klarna On-Site Messaging: the script tag has no data-client-id')
      return
    }
    // Styles through the CSSOM: a page's Content-Security-Policy governs <style> elements, not these.
    var line = document.createElement('p')
    line.setAttribute('part', 'osm-container')
    Object.assign(line.style, { margin: '0', display: 'flex', alignItems: 'center', gap: '0.5em', font: 'inherit' })
    var badge = document.createElement('span')
    badge.textContent = 'Klarna.'
    badge.setAttribute('aria-hidden', 'true')
    Object.assign(badge.style, {
      background: '#FFB3C7',
      color: '#0B051D',
      borderRadius: '4px',
      padding: '0 0.4em',
      fontWeight: '700',
      fontSize: '0.8em',
      lineHeight: '1.6',
    })
    var text = document.createElement('span')
    text.textContent = message
    line.append(badge, text)
    root.append(line)
  }

  class Placement extends HTMLElement {
    static observedAttributes = ['data-key', 'data-locale', 'data-purchase-amount']
    connectedCallback() {
      render(this)
    }
    attributeChangedCallback() {
      if (this.isConnected) render(this)
    }
  }
  if (!customElements.get('klarna-placement')) customElements.define('klarna-placement', Placement)

  klarna.OnsiteMessaging = {
    _sandboxStandIn: true,
    refresh: function () {
      document.querySelectorAll('klarna-placement').forEach(render)
    },
  }
})()
