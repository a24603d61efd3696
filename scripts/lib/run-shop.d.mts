export declare const ports: { shop: string; sandbox: string }
export declare const usesSandbox: boolean
export declare function listenHost(environment?: Record<string, string | undefined>): string
export declare function runShop(commands: { sandboxCommand: string; shopCommand: string }): void
