/**
 * The business's multipart forms in portal tests: the form as the browser gets it (token and key,
 * CSRF first), posting entries the way the browser does, and the files the app kept.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import type { LocalFileStore } from '#src/documents/local-file-store.ts'
import type { Client } from './builders.ts'
import { multipartBody, type MultipartEntry } from './multipart.ts'
import { html, type TestApp } from './test-app.ts'

/** Posts `entries` as multipart/form-data with the client's cookies. */
export function postMultipart(t: Pick<TestApp, 'app'>, client: Client, url: string, entries: readonly MultipartEntry[]) {
  const { payload, contentType } = multipartBody(entries)
  return t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, cookie: client.jar.header() } })
}

/** The page at `url` and its multipart form `formId` (asserting the page answers and the CSRF field comes first). */
export async function multipartFormOf(client: Client, url: string, formId: string) {
  const res = await client.get(url)
  assert.equal(res.statusCode, 200, res.body.slice(0, 300))
  const $ = html(res)
  const f = $(`form#${formId}`)
  assert.equal(f.attr('enctype'), 'multipart/form-data')
  assert.equal(f.find('input').first().attr('name'), '_csrf')
  return { $, csrf: f.find('input[name="_csrf"]').attr('value')!, idem: f.find('input[name="idempotencyKey"]').attr('value')! }
}

/** The files the store holds, outside its tmp folder (paths relative to its root). */
export const storedFiles = (files: Pick<LocalFileStore, 'root'>) =>
  fs
    .readdirSync(files.root, { recursive: true })
    .map(String)
    .filter((p) => !p.startsWith('tmp') && fs.statSync(path.join(files.root, p)).isFile())
