import { attr, commonAttributes } from '../jsonapi/resource'
import type { ResourceDef } from '../api'

/**
 * The organization, `GET /api/organization` (a singleton: there is no list and no id in the path). Commerce
 * Layer's hosted checkout reads its name, logo, colours and support contacts; its components read `config`.
 */
export const organizations: ResourceDef = {
  type: 'organizations',
  table: 'cl_organizations',
  singleton: true,
  attributes: {
    name: attr.string('name'),
    slug: attr.string('slug'),
    domain: attr.computed((row, call) => `${String(row.slug)}.${call.api.services.domain}`, 'string'),
    support_phone: attr.string('support_phone'),
    support_email: attr.string('support_email'),
    logo_url: attr.url('logo_url'),
    favicon_url: attr.url('favicon_url'),
    primary_color: attr.string('primary_color'),
    gtm_id: attr.string('gtm_id'),
    gtm_id_test: attr.string('gtm_id_test'),
    config: attr.json('config', null),
    ...commonAttributes(),
  },
  relationships: {},
  listScope: () => 'unauthorized',
  canRead: () => true,
}
