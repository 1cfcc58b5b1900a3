import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Browser tests share two cores with each other: under that load a popup flow can take several times its 3 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
