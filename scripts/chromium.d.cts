export function findChromium(): string | undefined
export const chromiumArgs: string[]
/** chromiumArgs for a Chromium that Playwright launches (its --disable-features, and the omnibox WebUI's). */
export const playwrightChromiumArgs: string[]
