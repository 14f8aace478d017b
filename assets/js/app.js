// Small progressive enhancements. Never imports from src/ (house style R2); the pages work without it.
(function () {
  'use strict'

  // Move focus to the error summary after a failed post, also after an htmx swap (GOV.UK pattern).
  function focusErrorSummary(root) {
    var summary = (root || document).querySelector('[data-error-summary]')
    if (summary) summary.focus()
  }

  // Error-summary links focus the field itself (or the first input of a fieldset) and scroll its
  // label or legend into view, so the question is visible above the input.
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('[data-error-summary] a[href^="#"]') : null
    if (!link) return
    var target = document.getElementById(link.getAttribute('href').slice(1))
    if (!target) return
    var input = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea')
    if (!input) return
    event.preventDefault()
    var legend = input.closest('fieldset') && input.closest('fieldset').querySelector('legend')
    var label = document.querySelector('label[for="' + input.id + '"]')
    ;(legend || label || input).scrollIntoView()
    input.focus({ preventScroll: true })
  })

  document.addEventListener('DOMContentLoaded', function () {
    focusErrorSummary(document)
  })
  document.addEventListener('htmx:afterSwap', function (event) {
    focusErrorSummary(event.target)
  })

  // ---- Questionnaire auto-save (hx-post on change): say so when it could not save. The answers
  // stay on the page, and บันทึกแบบร่าง still works with a normal post. ----
  function autosaveFailed(event) {
    var form = event.target && event.target.closest ? event.target.closest('form[data-autosave]') : null
    var status = document.getElementById('autosave-status')
    if (!form || !status) return
    status.textContent = status.getAttribute('data-msg-failed')
  }
  document.addEventListener('htmx:sendError', autosaveFailed)
  document.addEventListener('htmx:responseError', autosaveFailed)

  // When an auto-save changed which questions are shown, the server sends the questions again.
  // If anything was typed while that request was out, the swap would overwrite it: skip the swap
  // and auto-save again (the next answer brings the questions with what was typed).
  function autosaveForm(el) {
    return el && el.closest ? el.closest('form[data-autosave]') : null
  }
  function markEdited(event) {
    var form = autosaveForm(event.target)
    if (form) form.amracEdits = (form.amracEdits || 0) + 1
  }
  document.addEventListener('input', markEdited, true)
  document.addEventListener('change', markEdited, true)
  document.addEventListener('htmx:beforeRequest', function (event) {
    var form = autosaveForm(event.target)
    if (form) form.amracEditsSent = form.amracEdits || 0
  })
  document.addEventListener('htmx:beforeSwap', function (event) {
    var form = autosaveForm(event.detail.requestConfig && event.detail.requestConfig.elt)
    var xhr = event.detail.xhr
    if (!form || !xhr || !xhr.getResponseHeader('HX-Retarget')) return
    if ((form.amracEdits || 0) !== form.amracEditsSent) {
      event.detail.shouldSwap = false
      if (window.htmx) window.htmx.trigger(form, 'change')
    }
  })
  // บันทึกแบบร่าง / บันทึกและไปต่อ post the whole form normally: cancel an auto-save still in flight.
  document.addEventListener(
    'submit',
    function (event) {
      var form = autosaveForm(event.target)
      if (form && window.htmx) window.htmx.trigger(form, 'htmx:abort')
    },
    true,
  )

  // ---- Juristic number: checksum checked as the user types (the server checks again). ----
  function thaiIdValid(digits) {
    var sum = 0
    for (var i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i)
    return (11 - (sum % 11)) % 10 === Number(digits[12])
  }
  function toAscii(s) {
    return s.replace(/[\u0e50-\u0e59]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50) }).replace(/[\s-]/g, '')
  }
  document.addEventListener('input', function (event) {
    var input = event.target
    if (!input || !input.closest) return
    var form = input.closest('[data-juristic-search]')
    if (form) {
      var live = form.querySelector('[data-juristic-live]')
      var v = toAscii(input.value)
      if (!/^\d+$/.test(v)) { live.hidden = true; live.textContent = ''; return }
      live.hidden = false
      if (v.length < 13) live.textContent = live.getAttribute('data-msg-count').replace('{n}', String(v.length))
      else if (v.length === 13 && v[0] === '0' && thaiIdValid(v)) live.textContent = live.getAttribute('data-msg-valid')
      else live.textContent = live.getAttribute('data-msg-invalid')
      return
    }
    var hint = document.querySelector('[data-password-strength="' + input.id + '"]')
    if (hint) {
      var p = input.value
      var length = Array.from(p).length
      hint.hidden = length === 0
      if (length < 12) { hint.textContent = hint.getAttribute('data-need-more').replace('{n}', String(12 - length)); return }
      var classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(function (r) { return r.test(p) }).length
      var score = Math.min(4, (length >= 16 ? 2 : 1) + (classes >= 3 ? 1 : 0) + (length >= 20 ? 1 : 0))
      var levels = JSON.parse(hint.getAttribute('data-levels'))
      hint.textContent = hint.getAttribute('data-label') + ': ' + levels[score]
    }
  })

  // ---- Idle time-out warning: two minutes before the 30-minute limit, offer to stay signed in. ----
  var idleMs = Number(document.body && document.body.getAttribute('data-idle-ms'))
  var warning = document.querySelector('[data-idle-warning]')
  if (idleMs && warning) {
    var timer
    var arm = function () {
      clearTimeout(timer)
      warning.hidden = true
      timer = setTimeout(function () {
        warning.hidden = false
        var button = warning.querySelector('button')
        if (button) button.focus()
      }, Math.max(0, idleMs - 2 * 60 * 1000))
    }
    arm()
    document.addEventListener('htmx:afterRequest', arm)
    var form = warning.querySelector('[data-idle-extend]')
    form.addEventListener('submit', function (event) {
      event.preventDefault()
      var token = form.querySelector('input[name="_csrf"]').value
      fetch(form.action, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': token, Accept: 'application/json' } })
        .then(function (res) {
          if (!res.ok) throw new Error('extend failed')
          arm()
          var status = document.querySelector('[data-idle-status]')
          // Announced by the live region after the warning hides again.
          if (status) { warning.hidden = false; status.textContent = status.getAttribute('data-msg-extended'); setTimeout(function () { warning.hidden = true }, 4000) }
        })
        .catch(function () {
          // Never navigate away: what the user typed must stay on the page.
          var status = document.querySelector('[data-idle-status]')
          if (status) status.textContent = status.getAttribute('data-msg-failed')
        })
    })
  }
})()

