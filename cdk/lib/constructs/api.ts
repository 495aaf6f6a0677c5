/**
 * The HTTP API behind CloudFront's `/api/*`: one route per manifest route, integrated with its context's
 * function (payload format 2.0). Authentication and authorisation happen in the functions' shared
 * middleware (README: Data scope — the manifest's `public` flag, sessions, data scope), not in API Gateway.
 */
import { Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, LogGroupLogDestination, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type RouteDef } from '../../../functions/lib/wiring';

export interface ApiProps {
  /** Default stage throttling (all routes). */
  throttle?: { rateLimit: number; burstLimit: number };
}

export const DEFAULT_THROTTLE = { rateLimit: 200, burstLimit: 400 };

/** HTTP API `$context` variables (not the REST API's set) as one JSON object per request. */
export const ACCESS_LOG_FIELDS: Record<string, string> = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  errorMessage: '$context.error.message',
  integrationError: '$context.integrationErrorMessage',
};

export class Api extends Construct {
  public readonly httpApi: HttpApi;
  /** `<api id>.execute-api.<region>.<suffix>`: the CloudFront origin. */
  public readonly domainName: string;
  public readonly accessLogs: LogGroup;
  private readonly routeKeys = new Set<string>();

  public constructor(scope: Construct, id: string, props: ApiProps = {}) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'hazmat platform API (served under /api/* through CloudFront)',
      // The $default stage is added below with access logging and throttling.
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? DEFAULT_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    // apiEndpoint is `https://<id>.execute-api.<region>.<urlSuffix>` (partition-aware); keep the host only.
    this.domainName = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
  }

  /** One route per declared route, method and path exactly as in the manifest, all into `fn`. */
  public addContextRoutes(context: string, routes: readonly RouteDef[], fn: IFunction): HttpRoute[] {
    if (routes.length === 0) return [];
    const integration = new HttpLambdaIntegration(`${context}Integration`, fn, {
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      // One invoke permission per function, scoped to this API (`<api>/*/*/*`), not one per route: with ~170 routes
      // the per-route permissions alone took the stack past CloudFormation's 500 resources. The function answers
      // only its own manifest's routes anyway (anything else is a 404 in the shared router).
      scopePermissionToRoute: false,
    });
    return routes.flatMap((route) => {
      const key = routeKey(route);
      if (this.routeKeys.has(key)) throw new Error(`route ${key} is declared twice (context ${context})`);
      this.routeKeys.add(key);
      const added = this.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
      for (const r of added) {
        const reason = route.public
          ? `${key} is public by declaration (manifest public: true) and needs no session.`
          : `${key} requires a session: the functions' shared middleware enforces authentication, roles and ` +
            'data scope for every non-public route (README: Data scope), proven by a test walking every declared route.';
        Validations.of(r).acknowledge({ id: 'AwsSolutions-APIG4', reason });
        Validations.of(r).acknowledge({
          id: 'AwsSolutions-COG4',
          reason: `${reason} Accounts live in the platform (mobile / 信用代码 login, TOTP), not in Cognito.`,
        });
      }
      return added;
    });
  }
}
