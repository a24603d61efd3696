export function Footer({ children }: { children?: React.ReactNode }) {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-ink-soft sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Fika Home is a demo shop: Klarna payments through Commerce Layer, with a saved Klarna wallet.</p>
        {children}
      </div>
    </footer>
  )
}
