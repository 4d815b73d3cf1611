// Vitest setup file: runs in every worker before the test files.
process.env.NEXTAUTH_SECRET ||= "test-nextauth-secret-not-for-production-0123456789";
process.env.NEXT_TELEMETRY_DISABLED ||= "1";
