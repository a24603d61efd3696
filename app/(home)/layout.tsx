/**
 * The home page's introduction, outside the product grid's loading boundary: it is in the first bytes of the
 * page, so the page's largest text is painted at once while the grid waits for Commerce Layer.
 */
export default function HomeLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <section className="mb-10 max-w-2xl">
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Slow mornings, well made.</h1>
        <p className="mt-4 text-lg text-ink-soft">
          Stoneware, linen and oak for the kitchen table. Pay with Klarna, keep it in your wallet, and check out with
          one click next time.
        </p>
      </section>
      {children}
    </>
  )
}
