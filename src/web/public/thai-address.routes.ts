import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { z } from 'zod'
import { areasWithPostcode, listDistricts, listSubdistrictsWithPostcodes, postcodesFor } from '#src/entities/thai-address.ts'
import { parseQuery } from '#src/web/lib/parse-form.ts'
import { requirePermission } from '#src/web/lib/require-permission.ts'

/**
 * Thai address reference data for the address pickers (assets/js/thai-address.js), registered
 * under /reference/thai-address. Public: it is the same for everyone and needs no sign-in.
 *
 * - GET /districts?province=…                        → { districts: string[] }
 * - GET /subdistricts?province=…&district=…           → { subdistricts: { name, postcodes }[] }
 * - GET /postcodes?province=…&district=…&subdistrict=… → { postcodes: string[] }
 * - GET /areas?postcode=50200                         → { areas: { province, district, subdistrict, postcode }[] }
 *
 * Names match as leniently as submission does (level words, กทม., spaces); an unknown name gives an
 * empty list. A missing parameter, a repeated one or an over-long one (120 characters, 20 for a
 * postcode) is a 400.
 * The data changes only with a new release of thai-address-universal, so answers may be cached.
 */
const NAME_MAX = 120 // = the engine's limit for an address part (field-types/thai-address.ts)
const Name = z.string().max(NAME_MAX)
const DistrictsQuery = z.object({ province: Name })
const SubdistrictsQuery = z.object({ province: Name, district: Name })
const PostcodesQuery = z.object({ province: Name, district: Name, subdistrict: Name })
const AreasQuery = z.object({ postcode: z.string().max(20) })

export const REFERENCE_CACHE_CONTROL = 'public, max-age=86400'

const sendCached = (reply: FastifyReply, body: Record<string, unknown>) => reply.header('cache-control', REFERENCE_CACHE_CONTROL).send(body)

export const thaiAddressRoutes: FastifyPluginAsync = async (app) => {
  app.get('/districts', { preHandler: requirePermission('anonymous') }, async (req, reply) => {
    const q = parseQuery(DistrictsQuery, req.query)
    return sendCached(reply, { districts: await listDistricts(q.province) })
  })

  app.get('/subdistricts', { preHandler: requirePermission('anonymous') }, async (req, reply) => {
    const q = parseQuery(SubdistrictsQuery, req.query)
    return sendCached(reply, { subdistricts: await listSubdistrictsWithPostcodes(q.province, q.district) })
  })

  app.get('/postcodes', { preHandler: requirePermission('anonymous') }, async (req, reply) => {
    const q = parseQuery(PostcodesQuery, req.query)
    return sendCached(reply, { postcodes: await postcodesFor(q.province, q.district, q.subdistrict) })
  })

  app.get('/areas', { preHandler: requirePermission('anonymous') }, async (req, reply) => {
    const q = parseQuery(AreasQuery, req.query)
    return sendCached(reply, { areas: await areasWithPostcode(q.postcode) })
  })
}
