/*
 * The Klarna stand-in's widget (the iframe `Klarna.Payments.load` puts in the shop's container).
 * Tells the library, and only the shop's origin, that it loaded and how tall it is.
 */
;(function () {
  'use strict'
  var config = JSON.parse(document.getElementById('klarna-config').textContent)

  function tell(message) {
    message.namespace = 'klarna-standin'
    window.parent.postMessage(message, config.origin)
  }

  var lastHeight = -1
  function reportHeight() {
    var height = Math.ceil(document.body.getBoundingClientRect().height)
    if (height === lastHeight) return
    lastHeight = height
    tell({ type: 'widget-height', height: height })
  }

  if (typeof ResizeObserver === 'function') new ResizeObserver(reportHeight).observe(document.body)
  window.addEventListener('load', reportHeight)
  reportHeight()
  tell({ type: 'widget-loaded', show_form: config.show_form === true })
})()
