import { Module } from '@nestjs/common';
import { SpreadController } from './spread.controller';

@Module({ controllers: [SpreadController] })
export class SpreadModule {}
