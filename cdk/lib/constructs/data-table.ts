/**
 * The single DynamoDB table, built from functions/store/table.ts — the same declaration DynamoDB Local and
 * the integration tests use, so keys and indexes cannot drift between the stack and the code.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE } from '../../../functions/store/table';

export class DataTable extends Construct {
  public readonly table: Table;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      // No tableName: CloudFormation names it, so stages and replacements never collide.
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // AWS-managed key (aws/dynamodb): encryption at rest with every key use logged in CloudTrail, without
      // a key policy of our own to get wrong. A customer-managed key would add key-policy management and a
      // kms grant on every function for no control we need today; switching later is an in-place update.
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TABLE.ttlAttribute,
      // The outbox relay reads it (cdk/lib/constructs/outbox-relay.ts); adding it to a deployed table is an
      // in-place update.
      stream: StreamViewType[TABLE.streamViewType],
      // The register and the audit log are the system of record: never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.pk, type: AttributeType.STRING },
        sortKey: { name: index.sk, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
