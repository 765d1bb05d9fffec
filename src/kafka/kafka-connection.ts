import { readFileSync } from 'node:fs';
import { AppConfig } from '../config/app-config';
import { KafkaConnection } from './kafka-port';

/** Kafka features run only where brokers are configured. */
export function kafkaEnabled(config: AppConfig): boolean {
  return config.KAFKA_BROKERS.length > 0;
}

export function kafkaConnection(config: AppConfig): KafkaConnection {
  const tls =
    config.KAFKA_SSL || config.KAFKA_SSL_CA_FILE
      ? { ca: config.KAFKA_SSL_CA_FILE ? readFileSync(config.KAFKA_SSL_CA_FILE, 'utf8') : undefined }
      : undefined;
  const sasl =
    config.KAFKA_SASL_MECHANISM && config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD
      ? {
          mechanism: config.KAFKA_SASL_MECHANISM,
          username: config.KAFKA_SASL_USERNAME,
          password: config.KAFKA_SASL_PASSWORD,
        }
      : undefined;
  return { brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, tls, sasl };
}
