// Thai address pickers: a progressive enhancement of the questionnaire's thaiAddress field
// (src/web/components/questionnaire/fields/thai-address.tsx), which works without it.
// Choosing a province narrows the district suggestions, a district narrows the subdistricts, a
// subdistrict fills an empty postcode; a typed postcode suggests the subdistricts it serves and,
// once one is chosen, fills an empty district and province. Suggestions are native <datalist>s, so
// typing stays free; nothing the person typed is ever replaced. Data comes as JSON from the
// endpoint named in data-thai-address (src/web/public/thai-address.routes.ts). Never imports from src/ (R2).
(function () {
  'use strict'

  var responses = {} // url → Promise of the parsed JSON (the server also lets the browser cache them)
  var states = new WeakMap() // fieldset → { areas, autofilled }

  function getJson(url) {
    if (!responses[url]) {
      responses[url] = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (res) {
          if (!res.ok) throw new Error('HTTP ' + res.status)
          return res.json()
        })
        .catch(function (err) {
          delete responses[url]
          throw err
        })
    }
    return responses[url]
  }

  function endpoint(fieldset, path, params) {
    var query = Object.keys(params).map(function (k) { return k + '=' + encodeURIComponent(params[k]) })
    return fieldset.getAttribute('data-thai-address') + '/' + path + '?' + query.join('&')
  }

  function box(fieldset, part) {
    return fieldset.querySelector('[id="' + fieldset.id + '-' + part + '"]')
  }

  function parts(fieldset) {
    return {
      province: box(fieldset, 'province'),
      district: box(fieldset, 'district'),
      subdistrict: box(fieldset, 'subdistrict'),
      postcode: box(fieldset, 'postcode'),
    }
  }

  function state(fieldset) {
    var s = states.get(fieldset)
    if (!s) {
      s = { areas: [], autofilled: '' }
      states.set(fieldset, s)
    }
    return s
  }

  function value(input) {
    return input ? input.value.trim() : ''
  }

  function toAsciiDigits(s) {
    return s.replace(/[\u0e50-\u0e59]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50) }).replace(/\s/g, '')
  }

  // The <datalist> of a text box, made on first use and tied to it with list="…". Its id is made
  // unique even where a page repeats an address (the dev gallery shows one question page thrice).
  var lists = new WeakMap() // input → datalist
  var made = 0
  function listOf(input) {
    var list = lists.get(input)
    if (!list) {
      list = document.createElement('datalist')
      list.id = input.id + '-list'
      if (document.getElementById(list.id)) list.id += '-' + ++made
      input.parentNode.appendChild(list)
      input.setAttribute('list', list.id)
      lists.set(input, list)
    }
    return list
  }

  function setOptions(input, items) {
    if (!input) return
    var list = listOf(input)
    while (list.firstChild) list.removeChild(list.firstChild)
    items.forEach(function (item) {
      var option = document.createElement('option')
      option.value = item.value
      if (item.label) option.label = item.label
      list.appendChild(option)
    })
  }

  function inList(input) {
    var list = lists.get(input)
    if (!list) return false
    for (var i = 0; i < list.options.length; i++) if (list.options[i].value === input.value) return true
    return false
  }

  function announce(fieldset, attribute, params) {
    var status = fieldset.querySelector('[data-thai-address-status]')
    if (!status) return
    var text = status.getAttribute(attribute) || ''
    Object.keys(params).forEach(function (k) { text = text.replace('{' + k + '}', params[k]) })
    status.textContent = ''
    // A fresh text node after a pause, so the same message is announced again.
    setTimeout(function () { status.textContent = text }, 50)
  }

  function updateDistricts(fieldset) {
    var p = parts(fieldset)
    var province = value(p.province)
    if (!p.district) return
    if (!province) {
      setOptions(p.district, [])
      return updateSubdistricts(fieldset)
    }
    getJson(endpoint(fieldset, 'districts', { province: province }))
      .then(function (data) {
        if (value(p.province) !== province) return // changed meanwhile
        setOptions(p.district, (data.districts || []).map(function (name) { return { value: name } }))
        updateSubdistricts(fieldset)
      })
      .catch(function () {})
  }

  function updateSubdistricts(fieldset) {
    var p = parts(fieldset)
    var province = value(p.province)
    var district = value(p.district)
    if (!p.subdistrict) return
    if (!province || !district) return suggestFromPostcode(fieldset)
    getJson(endpoint(fieldset, 'subdistricts', { province: province, district: district }))
      .then(function (data) {
        if (value(p.province) !== province || value(p.district) !== district) return
        var subdistricts = data.subdistricts || []
        if (subdistricts.length === 0) return suggestFromPostcode(fieldset)
        setOptions(p.subdistrict, subdistricts.map(function (s) { return { value: s.name, label: s.postcodes.join(', ') } }))
      })
      .catch(function () {})
  }

  // Without a known district, the subdistricts a typed postcode serves (labelled with their district and province).
  function suggestFromPostcode(fieldset) {
    var p = parts(fieldset)
    var areas = state(fieldset).areas
    setOptions(p.subdistrict, areas.map(function (a) { return { value: a.subdistrict, label: a.district + ' ' + a.province } }))
  }

  function postcodeTyped(fieldset) {
    var p = parts(fieldset)
    var code = toAsciiDigits(p.postcode.value)
    var s = state(fieldset)
    if (!/^[1-9]\d{4}$/.test(code)) return
    getJson(endpoint(fieldset, 'areas', { postcode: code }))
      .then(function (data) {
        if (toAsciiDigits(p.postcode.value) !== code) return
        s.areas = data.areas || []
        if (!value(p.province) || !value(p.district)) suggestFromPostcode(fieldset)
      })
      .catch(function () {})
  }

  function subdistrictChosen(fieldset) {
    var p = parts(fieldset)
    var s = state(fieldset)
    var subdistrict = value(p.subdistrict)
    if (!subdistrict) return
    if (!value(p.province) || !value(p.district)) {
      // Chosen from a postcode's suggestions: fill the empty district and province if only one place fits.
      var fits = s.areas.filter(function (a) {
        return a.subdistrict === subdistrict && (!value(p.district) || a.district === value(p.district)) && (!value(p.province) || a.province === value(p.province))
      })
      var places = {}
      fits.forEach(function (a) { places[a.province + '|' + a.district] = a })
      var keys = Object.keys(places)
      if (keys.length !== 1) return
      var area = places[keys[0]]
      if (!value(p.province)) p.province.value = area.province
      if (value(p.province) !== area.province) return // the list had no such province
      if (!value(p.district)) p.district.value = area.district
      announce(fieldset, 'data-msg-area', { district: area.district, province: area.province })
      updateDistricts(fieldset)
    }
    var province = value(p.province)
    var district = value(p.district)
    getJson(endpoint(fieldset, 'postcodes', { province: province, district: district, subdistrict: subdistrict }))
      .then(function (data) {
        if (value(p.subdistrict) !== subdistrict || value(p.district) !== district || value(p.province) !== province) return
        var postcodes = data.postcodes || []
        if (!p.postcode || postcodes.length === 0) return
        setOptions(p.postcode, postcodes.map(function (c) { return { value: c } }))
        var current = value(p.postcode)
        var ours = current === '' || current === s.autofilled // never replace a postcode the person typed
        if (postcodes.indexOf(toAsciiDigits(current)) >= 0) return
        if (postcodes.length === 1 && ours) {
          p.postcode.value = postcodes[0]
          s.autofilled = postcodes[0]
          announce(fieldset, 'data-msg-postcode', { postcode: postcodes[0] })
        } else if (postcodes.length > 1) {
          announce(fieldset, 'data-msg-postcode-choice', { postcodes: postcodes.join(', ') })
        }
      })
      .catch(function () {})
  }

  // Which part of which address an event's target is, if any.
  function locate(target) {
    var fieldset = target && target.closest ? target.closest('fieldset[data-thai-address]') : null
    if (!fieldset) return null
    var part = target.id && target.id.indexOf(fieldset.id + '-') === 0 ? target.id.slice(fieldset.id.length + 1) : ''
    return { fieldset: fieldset, part: part }
  }

  document.addEventListener('change', function (event) {
    var at = locate(event.target)
    if (!at) return
    if (at.part === 'province') updateDistricts(at.fieldset)
    else if (at.part === 'district') updateSubdistricts(at.fieldset)
    else if (at.part === 'subdistrict') subdistrictChosen(at.fieldset)
    else if (at.part === 'postcode') postcodeTyped(at.fieldset)
  })

  // Picking a suggestion fires `input`; act at once rather than when the box loses focus.
  document.addEventListener('input', function (event) {
    var at = locate(event.target)
    if (!at) return
    if (at.part === 'postcode') return postcodeTyped(at.fieldset)
    if (!inList(event.target)) return
    if (at.part === 'district') updateSubdistricts(at.fieldset)
    else if (at.part === 'subdistrict') subdistrictChosen(at.fieldset)
  })

  function setUp(root) {
    var found = root.querySelectorAll ? root.querySelectorAll('fieldset[data-thai-address]') : []
    for (var i = 0; i < found.length; i++) {
      var fieldset = found[i]
      var p = parts(fieldset)
      if (p.postcode && value(p.postcode)) postcodeTyped(fieldset)
      updateDistricts(fieldset)
    }
  }

  document.addEventListener('DOMContentLoaded', function () { setUp(document) })
  // A form re-rendered by htmx (autosave, a group's add/remove) gets its lists again.
  document.addEventListener('htmx:afterSettle', function (event) {
    var target = event.target
    if (target && target.matches && target.matches('fieldset[data-thai-address]')) setUp(target.parentNode)
    else if (target) setUp(target)
  })
})()
