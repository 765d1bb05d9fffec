import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ImportsController } from './imports.controller';
import { ImportService } from './import.service';

@Module({
  imports: [CommandsModule],
  controllers: [ImportsController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule {}
