import { Kafka, logLevel } from 'kafkajs';

/** The brokers the Kafka benches run against: KAFKA_BROKERS, else the local broker's default port. */
export const benchBrokers = (): string[] =>
  (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',').map((b) => b.trim());

/** Whether a broker answers at all, so a bench without one says so instead of measuring. */
export async function brokerAnswers(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
