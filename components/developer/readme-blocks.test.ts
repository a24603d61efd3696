import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_STEP_README_ANCHORS } from './readme-anchors'
import { headingAnchor, readmeBlocks } from './readme-blocks'

describe('headingAnchor', () => {
  it("makes GitHub's anchors", () => {
    expect(headingAnchor('Step 1: save the Klarna payment source to the wallet')).toBe(
      'step-1-save-the-klarna-payment-source-to-the-wallet',
    )
    expect(headingAnchor('Storefront ↔ Commerce Layer ↔ Klarna')).toBe('storefront--commerce-layer--klarna')
    expect(headingAnchor('The `_customer_payment_source_id` request')).toBe('the-_customer_payment_source_id-request')
    expect(headingAnchor('See [the docs](https://example.com)')).toBe('see-the-docs')
  })
})

describe('readmeBlocks', () => {
  it('splits headings, code and text, and never reads a heading inside code', () => {
    const blocks = readmeBlocks('# Title\n\nOne line\nand another\n\n```sh\n# not a heading\nnpm test\n```\n## Next')
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title', id: 'title' },
      { kind: 'text', text: 'One line\nand another' },
      { kind: 'code', text: '# not a heading\nnpm test' },
      { kind: 'heading', level: 2, text: 'Next', id: 'next' },
    ])
  })

  it("finds in the project's README the sections the Developer panel links to", () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8')
    const anchors = readmeBlocks(readme).flatMap((block) => (block.kind === 'heading' ? [block.id] : []))
    expect(anchors).toEqual(expect.arrayContaining([...Object.values(SEED_STEP_README_ANCHORS), 'the-developer-panel']))
  })
})
