import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { readmeBlocks, type ReadmeBlock } from '@/components/developer/readme-blocks'
import { env } from '@/lib/env'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'README', robots: { index: false } }

const HEADING_STYLES = [
  'text-3xl font-semibold',
  'mt-10 text-2xl font-semibold',
  'mt-8 text-xl font-semibold',
  'mt-6 text-lg font-semibold',
]

function Block({ block }: { block: ReadmeBlock }) {
  if (block.kind === 'heading') {
    const Heading = `h${Math.min(block.level, 4)}` as 'h1' | 'h2' | 'h3' | 'h4'
    return (
      <Heading id={block.id} className={`scroll-mt-24 ${HEADING_STYLES[Math.min(block.level, 4) - 1]}`}>
        {block.text}
      </Heading>
    )
  }
  if (block.kind === 'code' || block.text.startsWith('|')) {
    return (
      <pre className="overflow-x-auto rounded-lg bg-stone-100 p-3 font-mono text-xs leading-relaxed">{block.text}</pre>
    )
  }
  return <p className="leading-relaxed whitespace-pre-wrap">{block.text}</p>
}

/**
 * The project's README, as the Developer panel's links expect it: served by the storefront itself, so they work
 * with no repository host and offline. A developer page: it exists only where the panel does.
 */
export default async function ReadmePage() {
  // Per request, like the panel: whether it exists is the running server's configuration, not the build's.
  await connection()
  if (!env().showApiLog) notFound()
  const markdown = await readFile(join(process.cwd(), 'README.md'), 'utf8')
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      {readmeBlocks(markdown).map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </article>
  )
}
