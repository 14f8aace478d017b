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
})()
