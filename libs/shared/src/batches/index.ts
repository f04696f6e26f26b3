export * from './call-batch.dto';
