import { z } from 'zod'
import { own } from '../own'
import { errors, invalid, relationshipPointer, validationError, type Invalid } from './errors'
import type { Context } from '../../http/context'
import type { Identifier, ResourceDef, WriteInput } from '../api'

const identifierSchema = z.object({ type: z.string(), id: z.string() })
const documentSchema = z.object({
  data: z.object({
    type: z.string(),
    id: z.string().optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    relationships: z
      .record(z.string(), z.object({ data: z.union([z.null(), identifierSchema, z.array(identifierSchema)]) }))
      .optional(),
  }),
})

/** The message of a failed attribute schema, in Commerce Layer's words where it has them. */
function messageOf(error: z.ZodError): { message: string; error: string } {
  const issue = error.issues[0]
  if (!issue) return { message: 'is invalid', error: 'invalid' }
  if (issue.code === 'invalid_type' && issue.input === null) return { message: "can't be blank", error: 'blank' }
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1)
    return { message: "can't be blank", error: 'blank' }
  return { message: issue.message, error: issue.code }
}

/**
 * JSON.parse keeps a `"__proto__"` member as an ordinary key, but copying the object (as the schema does) turns
 * it into a prototype and it vanishes: refused by name here, like every other field the resource does not have.
 */
function refuseProtoMember(document: { data: Record<string, unknown> }): void {
  for (const kind of ['attributes', 'relationships'] as const) {
    const members = document.data[kind]
    if (members && Object.hasOwn(members, '__proto__'))
      throw errors.paramNotAllowed('__proto__', { pointer: `/data/${kind}/__proto__` })
  }
}

/**
 * Reads a POST/PATCH body for `def`: the document's shape, its type (and id on PATCH), then every attribute and
 * relationship against what this resource lets a client write. An unknown or read-only field is a 400 naming it
 * with its pointer; a value of the wrong shape is a 422 on that field.
 */
export async function readWriteBody(
  ctx: Context,
  def: ResourceDef,
  mode: 'create' | 'update',
  urlId?: string,
): Promise<WriteInput> {
  const json = await ctx.json()
  const parsed = documentSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const pointer = `/${(issue?.path ?? []).map(String).join('/')}`
    if (issue?.path.length === 1 && issue.path[0] === 'data') throw errors.paramMissing('data', '/data')
    throw errors.badRequest(
      `The request body is not a JSON:API document: ${pointer} ${issue?.message ?? 'is invalid'}.`,
      { pointer },
    )
  }
  refuseProtoMember(json as { data: Record<string, unknown> })
  const { data } = parsed.data
  if (data.type !== def.type) throw errors.typeMismatch(def.type, data.type)
  if (mode === 'update') {
    if (data.id === undefined) throw errors.paramMissing('id', '/data/id')
    if (data.id !== urlId) throw errors.keyNotInUrl(data.id)
  }

  const spec = def.writes ?? { attributes: {}, relationships: {} }
  const input: WriteInput = { attributes: {}, relationships: {} }
  const problems: Invalid[] = []
  for (const [name, value] of Object.entries(data.attributes ?? {})) {
    const field = own(spec.attributes, name)
    if (!field || !field[mode]) throw errors.paramNotAllowed(name, { pointer: `/data/attributes/${name}` })
    const result = field.schema.safeParse(value)
    if (result.success) input.attributes[name] = result.data
    else {
      const { message, error } = messageOf(result.error)
      problems.push(invalid(name, message, error))
    }
  }
  if (problems.length > 0) throw validationError(...problems)

  for (const [name, { data: linkage }] of Object.entries(data.relationships ?? {})) {
    const field = own(spec.relationships, name)
    const pointer = relationshipPointer(name)
    if (!field || !field[mode]) throw errors.paramNotAllowed(name, { pointer })
    if (Array.isArray(linkage) !== Boolean(field.many)) {
      throw errors.badRequest(
        `${name} takes ${field.many ? 'an array of' : 'one'} resource identifier${field.many ? 's' : ''}.`,
        { pointer },
      )
    }
    for (const target of Array.isArray(linkage) ? linkage : linkage ? [linkage] : []) {
      if (!field.types.includes(target.type)) {
        throw errors.badRequest(
          `${target.type} is not a valid type for ${name}: expected ${field.types.join(' or ')}.`,
          { pointer: `${pointer}/data` },
        )
      }
    }
    input.relationships[name] = linkage as Identifier | Identifier[] | null
  }
  return input
}
