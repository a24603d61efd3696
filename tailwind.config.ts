import type { Config } from 'tailwindcss'

// Loaded from app/globals.css through `@config`. Theme values the whole shop shares live here.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        // Klarna's brand pink, used only where Klarna appears (Klarna's branding rules).
        klarna: { pink: '#FFB3C7', ink: '#17120F' },
        ink: { DEFAULT: '#1c1917', soft: '#57534e' },
        brand: { DEFAULT: '#0f5132', dark: '#0b3d26', light: '#e8f3ee' },
      },
      fontFamily: {
        sans: [
          'ui-sans-serif',
          'system-ui',
          '-apple-system',
          'Segoe UI',
          'Roboto',
          'Helvetica Neue',
          'Arial',
          'sans-serif',
        ],
      },
    },
  },
}

export default config
