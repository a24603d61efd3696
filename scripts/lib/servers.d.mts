export function startServers(options?: {
  storefrontPort?: number
  sandboxPort?: number
  sandboxEnv?: Record<string, string>
  storefront?: boolean
}): Promise<{ sandboxUrl: string; storefrontUrl: string; stop: () => void }>
