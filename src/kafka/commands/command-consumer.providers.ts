import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { Registry } from 'prom-client';
import { kafkaPrincipalFor } from '../../auth';
import { CommandGateway } from '../../commands/command-gateway';
import { AppConfig } from '../../config/app-config';
import { BrokerWatch } from '../broker-watch';
import { KAFKA_CLIENT } from '../kafka-port';
import type { KafkaClient } from '../kafka-port';
import { CommandConsumerMetrics } from './command-consumer-metrics';
import { commandResultsTopic, commandsTopic } from './command-topics';
import { KafkaCommandConsumer } from './kafka-command-consumer';

/** Runs the command consumer where APP_ROLES has `commands` (the default has every role), so API replicas can leave it out. */
export const runsCommandConsumer = (config: AppConfig): boolean => config.APP_ROLES.includes('commands');

export const commandsGroupId = (config: AppConfig): string =>
  config.KAFKA_COMMANDS_GROUP_ID ?? `${config.KAFKA_TOPIC_PREFIX}.command-consumer`;

@Injectable()
class KafkaCommandConsumerRunner implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly consumer: KafkaCommandConsumer,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { KAFKA_TOPIC_PREFIX: prefix, KAFKA_COMMANDS_PRINCIPAL: setting } = this.config;
    const topic = commandsTopic(prefix);
    const logger = new Logger('Kafka');
    logger.log(
      `Kafka command consumer reading ${topic} (group ${commandsGroupId(this.config)}), answering on ${commandResultsTopic(prefix)}`,
    );
    if (!kafkaPrincipalFor(setting, topic, topic)) {
      logger.warn(
        `KAFKA_COMMANDS_PRINCIPAL names no principal for ${topic}: every command from it will be rejected (403)`,
      );
    }
    this.consumer.start();
  }

  // Before the store closes (onApplicationShutdown), so a command in flight can finish and be answered.
  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }
}

export function commandConsumerProviders(config: AppConfig): Provider[] {
  return [
    {
      provide: KafkaCommandConsumer,
      inject: [KAFKA_CLIENT, CommandGateway, Registry, BrokerWatch],
      useFactory: (client: KafkaClient, gateway: CommandGateway, registry: Registry, watch: BrokerWatch) => {
        const metrics = new CommandConsumerMetrics(registry);
        const consumer = new KafkaCommandConsumer(
          { client, gateway, metrics, logger: new Logger('KafkaCommands'), watch },
          {
            groupId: commandsGroupId(config),
            principalSetting: config.KAFKA_COMMANDS_PRINCIPAL,
            sessionTimeoutMs: config.KAFKA_COMMANDS_SESSION_TIMEOUT_MS,
            partitionsConcurrently: config.KAFKA_COMMANDS_CONCURRENCY,
            topics: {
              prefix: config.KAFKA_TOPIC_PREFIX,
              create: config.KAFKA_CREATE_TOPICS,
              partitions: config.KAFKA_TOPIC_PARTITIONS,
              replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
            },
          },
        );
        metrics.watch(consumer);
        return consumer;
      },
    },
    KafkaCommandConsumerRunner,
  ];
}
