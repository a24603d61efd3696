/*
 * The Klarna stand-in's dialog (the full-screen iframe `Klarna.Payments.authorize` opens). Steps as in
 * Klarna's playground, with its test hooks: identify (data-testid="kaf-field"), one-time code
 * (#otp_field__container input), plan (data-testid="pick-plan"), confirm (data-testid="confirm-and-pay").
 * It talks to the library by postMessage, only with the shop's origin, and to the stand-in by fetch; the
 * stand-in decides every outcome, exactly as its test door does.
 */
;(function () {
  'use strict'
  var NAMESPACE = 'klarna-standin'
  var CLOSED = { approved: false, show_form: true }
  var config = JSON.parse(document.getElementById('klarna-config').textContent)

  var sheet = document.querySelector('.sheet')
  var errorBox = document.getElementById('dialog-error')
  var emailInput = document.getElementById('kaf-email')
  var otpInput = document.getElementById('otp_field')
  var plansBox = document.getElementById('plans')
  var steps = {}
  Array.prototype.forEach.call(document.querySelectorAll('[data-step]'), function (element) {
    steps[element.getAttribute('data-step')] = element
  })

  var state = { request: null, view: null, email: '', otp: '', plan: null, busy: false, answered: false }

  function tell(message) {
    message.namespace = NAMESPACE
    window.parent.postMessage(message, config.origin)
  }

  /** The answer for `authorize`'s callback; the library closes the dialog when it gets it. Sent once. */
  function finish(result) {
    if (state.answered) return
    state.answered = true
    tell({ type: 'dialog-result', result: result })
  }

  function showStep(name, focusTarget) {
    Object.keys(steps).forEach(function (key) {
      steps[key].hidden = key !== name
    })
    sheet.setAttribute('aria-labelledby', 'title-' + name)
    sheet.setAttribute('aria-busy', name === 'loading' ? 'true' : 'false')
    var target = focusTarget || document.getElementById('title-' + name)
    if (target) target.focus()
  }

  function showError(text, field) {
    errorBox.textContent = text
    if (field) {
      field.setAttribute('aria-invalid', 'true')
      field.setAttribute('aria-errormessage', 'dialog-error')
      field.focus()
    }
  }

  function clearError() {
    errorBox.textContent = ''
    Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (element) {
      element.removeAttribute('aria-invalid')
      element.removeAttribute('aria-errormessage')
    })
  }

  /** A call to the stand-in on behalf of this session, proven by the client token. */
  function call(action, body) {
    body.client_token = state.request.client_token
    return fetch('/klarna/kp/dialog/' + action, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    }).then(function (response) {
      return response.json().then(function (json) {
        return { status: response.status, body: json }
      })
    })
  }

  function unreachable() {
    state.busy = false
    showError('Klarna could not be reached. Close this window and try again.')
  }

  function start() {
    call('start', { data: state.request.data }).then(function (answer) {
      if (answer.status !== 200) return finish({ approved: false, show_form: false })
      if (answer.body.outcome === 'refused') return finish(answer.body.result)
      var view = (state.view = answer.body)
      document.getElementById('purchase-amount').textContent = view.amount
      document.getElementById('summary-amount').textContent = view.amount
      if (view.order_reference) {
        document.getElementById('merchant-name').textContent = view.merchant_name + ' · Order ' + view.order_reference
      }
      renderPlans(view.plans, view.default_plan)
      emailInput.value = view.email
      showStep('identify', emailInput)
    }, unreachable)
  }

  function renderPlans(plans, defaultPlan) {
    plans.forEach(function (plan) {
      var label = document.createElement('label')
      label.className = 'plan'
      var input = document.createElement('input')
      input.type = 'radio'
      input.name = 'plan'
      input.value = plan.id
      input.checked = plan.id === defaultPlan
      input.setAttribute('aria-describedby', 'plan-detail-' + plan.id)
      var title = document.createElement('span')
      title.className = 'plan-title'
      title.textContent = plan.title
      var detail = document.createElement('span')
      detail.className = 'plan-detail'
      detail.id = 'plan-detail-' + plan.id
      detail.textContent = plan.detail
      label.appendChild(input)
      label.appendChild(title)
      label.appendChild(detail)
      plansBox.appendChild(label)
    })
  }

  function checkedPlan() {
    return plansBox.querySelector('input:checked')
  }

  // Step 1: who is paying. The stand-in decides on the email; this only catches typos early.
  steps.identify.addEventListener('submit', function (event) {
    event.preventDefault()
    clearError()
    var email = emailInput.value.trim()
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return showError('Enter a valid email address, like name@example.com.', emailInput)
    state.email = email
    document.getElementById('code-email').textContent = email
    otpInput.value = ''
    showStep('code', otpInput)
  })

  // Step 2: the one-time code, checked as soon as six digits are in.
  function verifyCode() {
    if (state.busy || steps.code.hidden) return
    clearError()
    var code = otpInput.value
    if (!/^[0-9]{6}$/.test(code)) return showError('Enter the 6-digit code.', otpInput)
    state.busy = true
    call('verify-code', { otp: code }).then(function (answer) {
      state.busy = false
      if (answer.status !== 200) {
        showError('That code is not right. Check it and try again.', otpInput)
        otpInput.select()
        return
      }
      state.otp = code
      showStep('plan', checkedPlan())
    }, unreachable)
  }
  otpInput.addEventListener('input', function () {
    var digits = otpInput.value.replace(/[^0-9]/g, '').slice(0, 6)
    if (digits !== otpInput.value) otpInput.value = digits
    if (digits.length === 6) verifyCode()
  })
  steps.code.addEventListener('submit', function (event) {
    event.preventDefault()
    verifyCode()
  })
  document.getElementById('change-email').addEventListener('click', function () {
    clearError()
    showStep('identify', emailInput)
  })

  // Step 3: the plan.
  steps.plan.addEventListener('submit', function (event) {
    event.preventDefault()
    var chosen = checkedPlan()
    var plan = state.view.plans.filter(function (p) {
      return p.id === chosen.value
    })[0]
    state.plan = plan.id
    document.getElementById('summary-plan').textContent = plan.title
    document.getElementById('summary-email').textContent = state.email
    showStep('confirm')
  })
  document.getElementById('change-plan').addEventListener('click', function () {
    showStep('plan', checkedPlan())
  })

  // Step 4: confirm. The stand-in answers what the shop's callback gets.
  var confirmButton = steps.confirm.querySelector('[data-testid="confirm-and-pay"]')
  steps.confirm.addEventListener('submit', function (event) {
    event.preventDefault()
    if (state.busy) return
    clearError()
    state.busy = true
    confirmButton.disabled = true
    confirmButton.textContent = 'Confirming…'
    sheet.setAttribute('aria-busy', 'true')
    call('authorize', { email: state.email, otp: state.otp, plan: state.plan, data: state.request.data }).then(
      function (answer) {
        if (answer.status === 200) return finish(answer.body)
        if (answer.status === 400) {
          state.busy = false
          confirmButton.disabled = false
          confirmButton.textContent = 'Confirm and pay'
          showStep('code', otpInput)
          return showError('That code is not right. Check it and try again.', otpInput)
        }
        finish({ approved: false, show_form: false })
      },
      function () {
        confirmButton.disabled = false
        confirmButton.textContent = 'Confirm and pay'
        unreachable()
      },
    )
  })

  // Closing, by the button or Escape, answers "not approved, show the form".
  document.querySelector('.close').addEventListener('click', function () {
    finish(CLOSED)
  })
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault()
      finish(CLOSED)
      return
    }
    if (event.key === 'Tab') keepFocusInside(event)
  })

  /** A modal dialog: Tab and Shift+Tab cycle through its controls and never reach the shop behind it. */
  function keepFocusInside(event) {
    var focusable = Array.prototype.filter.call(sheet.querySelectorAll('button, input'), function (element) {
      if (element.disabled || element.offsetParent === null) return false
      return element.type !== 'radio' || element.checked
    })
    if (focusable.length === 0) return
    var first = focusable[0]
    var last = focusable[focusable.length - 1]
    var inside = sheet.contains(document.activeElement)
    if (event.shiftKey && (!inside || document.activeElement === first)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
      event.preventDefault()
      first.focus()
    }
  }

  // The library sends the authorize request once this page says it is ready; only the shop's page may.
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== config.origin) return
    var message = event.data
    if (!message || message.namespace !== NAMESPACE || message.type !== 'authorize-request' || state.request) return
    if (typeof message.client_token !== 'string') return
    state.request = {
      client_token: message.client_token,
      data: message.data && typeof message.data === 'object' ? message.data : undefined,
    }
    start()
  })
  showStep('loading')
  tell({ type: 'dialog-ready' })
})()
