/*
 * Klarna Payments stand-in: the `window.Klarna.Payments` surface of https://x.klarnacdn.net/kp/lib/v1/api.js,
 * served by the sandbox at /klarna/kp/lib/v1/api.js. A shop switches between this file and Klarna's by its
 * URL alone, so it offers Klarna's API and nothing of its own:
 *   init({client_token}), load(options, data?, callback?), loadPaymentReview(options, callback?),
 *   authorize(options, data?, callback) or authorize(optionsWithData, callback), reauthorize (after init alone),
 *   finalize, on(event, handler), off(event, handler?) for Klarna's three events, and window.klarnaAsyncCallback
 *   called once ready.
 * Callbacks are always called asynchronously. The client token's `base_url` says where the widget and the
 * dialog are served; the library talks to nothing else, and only by postMessage with that origin.
 */
;(function () {
  'use strict'
  var NAMESPACE = 'klarna-standin'
  var OPTION_KEYS = [
    'payment_method_category',
    'payment_method_categories',
    'instance_id',
    'auto_finalize',
    'collect_shipping_address',
  ]

  /** The only events Klarna's library emits; `on`/`off` throw EventNotSupportedError for any other. */
  var EVENTS = ['heightChanged', 'fullscreenOverlayShown', 'fullscreenOverlayHidden']

  var klarna = (window.Klarna = window.Klarna || {})
  if (klarna.Payments && klarna.Payments._sandboxStandIn) return // loaded twice: keep the first

  var session = null // { clientToken, sessionId, baseUrl, baseOrigin }
  var widgets = {} // instance id -> { iframe, category, callback, height }
  var listeners = {} // event name -> [handler]
  var dialog = null // the open authorize dialog: { iframe, request, callbacks, previousFocus, previousOverflow }

  function namedError(name, message) {
    var error = new Error(message)
    error.name = name
    return error
  }

  function requireSupportedEvent(event) {
    if (EVENTS.indexOf(event) < 0)
      throw namedError(
        'EventNotSupportedError',
        'Klarna.Payments emits ' + EVENTS.join(', ') + ', not "' + String(event) + '".',
      )
  }

  function later(callback, value) {
    if (typeof callback === 'function') {
      setTimeout(function () {
        callback(value)
      }, 0)
    }
  }

  function emit(event, payload) {
    ;(listeners[event] || []).slice().forEach(function (handler) {
      setTimeout(function () {
        handler(payload)
      }, 0)
    })
  }

  /** The client token's payload, or null when it is not a JWT carrying a session id and a base URL. */
  function readClientToken(token) {
    if (typeof token !== 'string') return null
    var parts = token.split('.')
    if (parts.length !== 3) return null
    try {
      var binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))
      var bytes = new Uint8Array(binary.length)
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
      var claims = JSON.parse(new TextDecoder().decode(bytes))
      var base = new URL(claims.base_url)
      if (typeof claims.session_id !== 'string' || !/^https?:$/.test(base.protocol)) return null
      return { sessionId: claims.session_id, baseUrl: claims.base_url.replace(/\/$/, ''), baseOrigin: base.origin }
    } catch {
      return null
    }
  }

  function resolveContainer(container) {
    if (container && typeof container === 'object' && container.nodeType === 1) return container
    var element = null
    if (typeof container === 'string' && container !== '') {
      try {
        element = document.querySelector(container)
      } catch {
        element = null
      }
    }
    if (!element)
      throw namedError('InvalidContainerSelectorError', 'The container "' + String(container) + '" does not exist.')
    return element
  }

  function pageUrl(path, params) {
    var query = Object.keys(params)
      .map(function (key) {
        return encodeURIComponent(key) + '=' + encodeURIComponent(params[key])
      })
      .join('&')
    return session.baseUrl + path + '?' + query
  }

  function init(options) {
    var read = readClientToken(options && options.client_token)
    if (!read) throw namedError('InvalidClientTokenError', 'The client_token is not a valid Klarna client token.')
    read.clientToken = options.client_token
    session = read
    widgets = {}
  }

  function categoryOf(options, action) {
    var categories = options.payment_method_categories
    var category = options.payment_method_category || (Array.isArray(categories) ? categories[0] : undefined)
    if (typeof category !== 'string' || category === '') {
      throw namedError('PaymentMethodCategoryNotProvidedError', 'Pass payment_method_category to ' + action + '.')
    }
    return category
  }

  /**
   * `load`: the widget of one category in the shop's container. A category the session does not offer still loads,
   * and calls back {show_form: false}, as Klarna's does.
   */
  function load(options, data, callback) {
    if (typeof data === 'function') callback = data
    if (!session)
      throw namedError('ApplicationNotInitializedError', 'Call Klarna.Payments.init({client_token}) before load.')
    options = options || {}
    var category = categoryOf(options, 'load')
    var container = resolveContainer(options.container)
    var instanceId = options.instance_id ? String(options.instance_id) : 'default'
    renderWidget(container, instanceId, category, callback)
  }

  /** `loadPaymentReview`: what the shopper chose, shown after authorize, in the widget's place or a container. */
  function loadPaymentReview(options, callback) {
    if (typeof options === 'function') {
      callback = options
      options = {}
    }
    if (!session)
      throw namedError(
        'ApplicationNotInitializedError',
        'Call Klarna.Payments.init({client_token}) before loadPaymentReview.',
      )
    options = options || {}
    var instanceId = options.instance_id ? String(options.instance_id) : 'default'
    var loaded = widgets[instanceId]
    var category =
      options.payment_method_category || options.payment_method_categories
        ? categoryOf(options, 'loadPaymentReview')
        : loaded && loaded.category
    if (!category)
      throw namedError('PaymentMethodCategoryNotProvidedError', 'Pass payment_method_category to loadPaymentReview.')
    var container = resolveContainer(options.container)
    renderWidget(container, instanceId, category, callback)
  }

  function renderWidget(container, instanceId, category, callback) {
    var previous = widgets[instanceId]
    if (previous && previous.iframe.parentNode) previous.iframe.parentNode.removeChild(previous.iframe)
    // Loading again after a new init (a new session) replaces the widget the container already shows.
    var stale = container.querySelectorAll('iframe[data-klarna-widget]')
    for (var i = 0; i < stale.length; i++) stale[i].parentNode.removeChild(stale[i])

    var iframe = document.createElement('iframe')
    iframe.title = 'Klarna payment method'
    iframe.src = pageUrl('/widget', {
      session_id: session.sessionId,
      category: category,
      origin: window.location.origin,
    })
    iframe.setAttribute('scrolling', 'no')
    iframe.setAttribute('data-klarna-widget', '')
    iframe.style.cssText = 'display:block;width:100%;height:0;border:0;overflow:hidden;background:transparent'
    container.appendChild(iframe)
    widgets[instanceId] = { iframe: iframe, category: category, callback: callback, height: 0 }
  }

  /** `authorize(options, data, callback)` or `authorize(optionsWithData, callback)`. */
  function readAuthorizeArguments(args) {
    var list = Array.prototype.slice.call(args)
    var callback = typeof list[list.length - 1] === 'function' ? list.pop() : undefined
    var options = {}
    var data = {}
    if (list.length >= 2) {
      options = list[0] || {}
      data = list[1] || {}
    } else {
      var combined = list[0] || {}
      Object.keys(combined).forEach(function (key) {
        if (OPTION_KEYS.indexOf(key) >= 0) options[key] = combined[key]
        else data[key] = combined[key]
      })
    }
    return { options: options, data: data, callback: callback }
  }

  function openDialog(action, args) {
    var call = readAuthorizeArguments(args)
    if (!session) throw namedError('ApplicationNotInitializedError', 'Call Klarna.Payments.init({client_token}) first.')
    var instanceId = call.options.instance_id ? String(call.options.instance_id) : 'default'
    // Reauthorizing an earlier authorization needs a session only, no widget on this page.
    if (action !== 'reauthorize' && !widgets[instanceId])
      throw namedError('ApplicationNotLoadedError', 'Call Klarna.Payments.load before ' + action + '.')

    // One dialog at a time: a second call while it is open gets the same answer.
    if (dialog) {
      dialog.callbacks.push(call.callback)
      return
    }
    // A dialog closed a moment ago may still be waiting to be removed: it goes now, before the new one opens.
    var closed = document.querySelectorAll('iframe[data-klarna-closed]')
    for (var c = 0; c < closed.length; c++) closed[c].parentNode.removeChild(closed[c])
    var iframe = document.createElement('iframe')
    iframe.title = 'Klarna'
    iframe.src = pageUrl('/dialog', { session_id: session.sessionId, origin: window.location.origin })
    iframe.style.cssText =
      'position:fixed;top:0;left:0;width:100%;height:100%;border:0;margin:0;padding:0;z-index:2147483647;background:transparent'
    dialog = {
      iframe: iframe,
      request: {
        namespace: NAMESPACE,
        type: 'authorize-request',
        action: action,
        client_token: session.clientToken,
        data: call.data,
      },
      callbacks: [call.callback],
      previousFocus: document.activeElement,
      previousOverflow: document.documentElement.style.overflow,
    }
    document.documentElement.style.overflow = 'hidden'
    document.body.appendChild(iframe)
    iframe.focus()
    document.addEventListener('keydown', closeOnEscape, true)
    emit('fullscreenOverlayShown')
  }

  /** Only the exact shapes Klarna documents reach the shop. */
  function callbackShape(result) {
    result = result || {}
    if (result.approved === true && typeof result.authorization_token === 'string') {
      return { approved: true, show_form: true, authorization_token: result.authorization_token }
    }
    if (result.show_form === false) return { approved: false, show_form: false }
    if (result.error && Array.isArray(result.error.invalid_fields)) {
      return { approved: false, show_form: true, error: { invalid_fields: result.error.invalid_fields.map(String) } }
    }
    return { approved: false, show_form: true }
  }

  function closeDialog(result) {
    if (!dialog) return
    var closing = dialog
    dialog = null
    document.removeEventListener('keydown', closeOnEscape, true)
    // Hidden at once, removed a moment later: the click or key that closed it may still be being delivered to
    // the dialog's frame, and a frame removed under an input event can stall the browser's input pipeline.
    closing.iframe.style.display = 'none'
    closing.iframe.removeAttribute('title')
    closing.iframe.setAttribute('data-klarna-closed', '')
    setTimeout(function () {
      if (closing.iframe.parentNode) closing.iframe.parentNode.removeChild(closing.iframe)
    }, 100)
    document.documentElement.style.overflow = closing.previousOverflow
    if (
      closing.previousFocus &&
      closing.previousFocus.isConnected &&
      typeof closing.previousFocus.focus === 'function'
    ) {
      closing.previousFocus.focus()
    }
    emit('fullscreenOverlayHidden')
    var answer = callbackShape(result)
    closing.callbacks.forEach(function (callback) {
      later(callback, answer)
    })
  }

  // Focus normally sits inside the dialog, which handles Escape itself; this covers focus left on the page.
  function closeOnEscape(event) {
    if (event.key === 'Escape') {
      event.preventDefault()
      closeDialog({ approved: false, show_form: true })
    }
  }

  function onWidgetMessage(widget, message) {
    if (message.type === 'widget-loaded') {
      var callback = widget.callback
      widget.callback = null
      later(callback, message.show_form === true ? { show_form: true } : { show_form: false })
    } else if (
      message.type === 'widget-height' &&
      typeof message.height === 'number' &&
      message.height !== widget.height
    ) {
      widget.height = message.height
      widget.iframe.style.height = message.height + 'px'
      emit('heightChanged', message.height)
    }
  }

  window.addEventListener('message', function (event) {
    if (!session || event.origin !== session.baseOrigin) return
    var message = event.data
    if (!message || typeof message !== 'object' || message.namespace !== NAMESPACE) return
    if (dialog && event.source === dialog.iframe.contentWindow) {
      if (message.type === 'dialog-ready') dialog.iframe.contentWindow.postMessage(dialog.request, session.baseOrigin)
      else if (message.type === 'dialog-result') closeDialog(message.result)
      return
    }
    Object.keys(widgets).forEach(function (id) {
      if (widgets[id].iframe.contentWindow === event.source) onWidgetMessage(widgets[id], message)
    })
  })

  var payments = {
    init: init,
    load: load,
    authorize: function () {
      openDialog('authorize', arguments)
    },
    reauthorize: function () {
      openDialog('reauthorize', arguments)
    },
    finalize: function () {
      openDialog('finalize', arguments)
    },
    loadPaymentReview: loadPaymentReview,
    on: function (event, handler) {
      requireSupportedEvent(event)
      if (typeof handler !== 'function') return
      ;(listeners[event] = listeners[event] || []).push(handler)
    },
    off: function (event, handler) {
      requireSupportedEvent(event)
      if (!handler) delete listeners[event]
      else
        listeners[event] = (listeners[event] || []).filter(function (h) {
          return h !== handler
        })
    },
  }
  Object.defineProperty(payments, '_sandboxStandIn', { value: true })
  klarna.Payments = payments

  setTimeout(function () {
    if (typeof window.klarnaAsyncCallback === 'function') window.klarnaAsyncCallback()
  }, 0)
})()
