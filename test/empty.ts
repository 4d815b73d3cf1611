// Stand-in for the `server-only` package under vitest (it throws outside a React Server bundle).
export {};
