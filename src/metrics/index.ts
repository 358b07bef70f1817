export { type AppName, createMetrics, type FabuMetrics } from './fabu-metrics.ts'
