/** The decision service: `buildApp` (Fastify instance for tests and embedding) and `startServer` (listen + graceful close). */
// @ts-nocheck

// 

export { type AppOptions, buildApp } from './app.js';
export { type Problem, problemStatus, toProblem } from './problem.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
