import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Provider,
} from '@nestjs/common';
import { Registry } from 'prom-client';
import { CommandsModule } from '../commands/commands.module';
import { SHARED_LEASES } from '../coordination/shared-lease';
import type { SharedLeases } from '../coordination/shared-lease';
import { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { CheckpointStore } from '../state/checkpoint-store';
import { BrokerWatch } from './broker-watch';
import { commandConsumerProviders, runsCommandConsumer } from './commands/command-consumer.providers';
import { KafkaCommandConsumer } from './commands/kafka-command-consumer';
import { kafkaConnection, kafkaEnabled } from './kafka-connection';
import { KAFKA_CLIENT } from './kafka-port';
import type { KafkaClient } from './kafka-port';
import { TOPIC_VERSION } from './relay/aggregate-topics';
import { INTEGRATION_EVENTS } from './relay/integration-event-registry';
import { KafkaRelay } from './relay/kafka-relay';
import { registerRelayMetrics } from './relay/relay-metrics';

/** The name the relay's checkpoint had in an instance's state file, before the shared one existed. */
export const RELAY_NAME = 'kafka-relay';

/**
 * The relay's lease and shared checkpoint: one per topic prefix, since
 * relays publishing the same log under two prefixes are two independent
 * publishers (a second deployment, a rebuild of downstream topics).
 */
export const relayLeaseName = (topicPrefix: string): string => `${RELAY_NAME}:${topicPrefix}`;

const KAFKA_OFF_REASON = Symbol('KafkaOffReason');

/** Says at start-up why (part of) Kafka does not run in this process. */
@Injectable()
class KafkaOffNotice implements OnApplicationBootstrap {
  constructor(@Inject(KAFKA_OFF_REASON) private readonly reasons: string[]) {}

  onApplicationBootstrap(): void {
    for (const reason of this.reasons) new Logger('Kafka').log(reason);
  }
}

const offNotice = (reasons: string[]): Provider[] =>
  reasons.length === 0 ? [] : [{ provide: KAFKA_OFF_REASON, useValue: reasons }, KafkaOffNotice];

function relayProviders(config: AppConfig): Provider[] {
  return [
    {
      provide: KafkaRelay,
      inject: [EVENT_STORE, SHARED_LEASES, CheckpointStore, KAFKA_CLIENT, Registry, BrokerWatch],
      useFactory: (
        store: EventStore,
        leases: SharedLeases,
        checkpoints: CheckpointStore,
        client: KafkaClient,
        registry: Registry,
        watch: BrokerWatch,
      ) => {
        const relay = new KafkaRelay(
          {
            store,
            leases,
            checkpoints,
            client,
            registry: INTEGRATION_EVENTS,
            logger: new Logger('KafkaRelay'),
            watch,
          },
          {
            name: relayLeaseName(config.KAFKA_TOPIC_PREFIX),
            formerCheckpoint: RELAY_NAME,
            batchSize: config.KAFKA_RELAY_BATCH_SIZE,
            topics: {
              prefix: config.KAFKA_TOPIC_PREFIX,
              create: config.KAFKA_CREATE_TOPICS,
              partitions: config.KAFKA_TOPIC_PARTITIONS,
              replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
            },
          },
        );
        registerRelayMetrics(registry, relay);
        return relay;
      },
    },
    KafkaRelayRunner,
  ];
}

@Injectable()
class KafkaRelayRunner implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly relay: KafkaRelay,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    new Logger('Kafka').log(
      `Kafka relay publishing to ${this.config.KAFKA_TOPIC_PREFIX}.<aggregate>.${TOPIC_VERSION} on ${this.config.KAFKA_BROKERS.join(',')}`,
    );
    this.relay.start();
  }

  // Before the stores close (onApplicationShutdown), so the last batch can finish and checkpoint.
  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}

/**
 * Kafka in this process: the client wherever brokers are configured, the
 * relay where APP_ROLES also includes `relay`, the command consumer where it
 * includes `commands`; otherwise a start-up line says what does not
 * run and why. Any number of processes may run the relay: a lease kept in
 * the event store they share lets one publish at a time, and hands over to
 * another within its TTL when the holder dies. Any number may run the command
 * consumer: its group shares the partitions out.
 */
@Global()
@Module({})
export class KafkaModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!kafkaEnabled(config)) {
      return { module: KafkaModule, providers: offNotice(['Kafka features off: KAFKA_BROKERS is empty']) };
    }
    const relay = config.APP_ROLES.includes('relay');
    const commands = runsCommandConsumer(config);
    const roles = config.APP_ROLES.join(',');
    const notRun = [
      ...(relay ? [] : [`Kafka relay not run here: APP_ROLES (${roles}) does not include relay`]),
      ...(commands
        ? []
        : [`Kafka command consumer not run here: APP_ROLES (${roles}) does not include commands`]),
    ];
    return {
      module: KafkaModule,
      // The command consumer runs commands through the same CatalogueService and CommandBus as HTTP.
      imports: commands ? [CommandsModule] : [],
      providers: [
        {
          provide: KAFKA_CLIENT,
          useFactory: () => new (kafkajs().KafkajsClient)(kafkaConnection(config), new Logger('Kafka')),
        },
        {
          provide: BrokerWatch,
          inject: [KAFKA_CLIENT],
          useFactory: (client: KafkaClient) => new BrokerWatch(() => client.probe(), new Logger('Kafka')),
        },
        ...(relay ? relayProviders(config) : []),
        ...(commands ? commandConsumerProviders(config) : []),
        ...offNotice(notRun),
      ],
      exports: [KAFKA_CLIENT, ...(relay ? [KafkaRelay] : []), ...(commands ? [KafkaCommandConsumer] : [])],
    };
  }
}

/** The kafkajs client, loaded only where brokers are configured: kafkajs adds to every start. */
function kafkajs(): typeof import('./kafkajs/kafkajs-client') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it everywhere
  return require('./kafkajs/kafkajs-client') as typeof import('./kafkajs/kafkajs-client');
}
