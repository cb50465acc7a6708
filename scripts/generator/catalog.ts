/** The static shape of the generated gateway: groups, APIs, gateway error codes, backend failures. */

/** How callers authenticate to an API. */
export type AuthKind = 'APP' | 'ANONYMOUS' | 'JWT';

/** What an API's request and response bodies look like. */
export type BodyKind = 'json' | 'form' | 'none';

/** One API as configured in a group. */
export interface ApiSpec {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly requestBody: BodyKind;
  readonly auth: AuthKind;
  /** Median backend time in ms. */
  readonly medianMs: number;
  /** Backend timeout in ms (the gateway answers D504TO after it). */
  readonly timeoutMs: number;
}

/** One API group with its APIs. */
export interface GroupSpec {
  readonly name: string;
  readonly customDomain?: string;
  readonly region: string;
  readonly apis: readonly ApiSpec[];
}

const j = (name: string, method: string, path: string, medianMs: number, auth: AuthKind = 'APP', timeoutMs = 10000): ApiSpec =>
  ({ name, method, path, requestBody: method === 'GET' || method === 'DELETE' ? 'none' : 'json', auth, medianMs, timeoutMs });
const f = (name: string, method: string, path: string, medianMs: number, auth: AuthKind = 'APP'): ApiSpec =>
  ({ name, method, path, requestBody: 'form', auth, medianMs, timeoutMs: 10000 });

/** The groups; API order inside the whole list sets popularity (Zipf), see `world.ts`. */
export const GROUPS: readonly GroupSpec[] = [
  { name: 'user-center', customDomain: 'api.example-shop.com', region: 'cn-hangzhou', apis: [
    j('GetUser', 'GET', '/v1/users/{userId}', 18), f('Login', 'POST', '/v1/auth/login', 45, 'ANONYMOUS'),
    j('RefreshToken', 'POST', '/v1/auth/token', 12, 'JWT'), j('UpdateUser', 'PUT', '/v1/users/{userId}', 35),
    j('ListUsers', 'GET', '/v1/users', 60), f('SendSmsCode', 'POST', '/v1/sms/code', 220, 'ANONYMOUS'),
    j('Logout', 'DELETE', '/v1/auth/session', 8, 'JWT'),
  ] },
  { name: 'order-service', region: 'cn-hangzhou', apis: [
    j('GetOrder', 'GET', '/orders/{orderId}', 25), j('CreateOrder', 'POST', '/orders', 120),
    j('ListOrders', 'GET', '/orders', 80), j('PayOrder', 'POST', '/orders/{orderId}/pay', 300, 'APP', 15000),
    j('CancelOrder', 'POST', '/orders/{orderId}/cancel', 60), j('查询物流', 'GET', '/orders/{orderId}/logistics', 150),
    j('RefundOrder', 'POST', '/orders/{orderId}/refund', 400, 'APP', 20000),
  ] },
  { name: 'product-catalog', customDomain: 'catalog.example-shop.com', region: 'cn-hangzhou', apis: [
    j('SearchProducts', 'GET', '/products/search', 90, 'ANONYMOUS'), j('GetProduct', 'GET', '/products/{productId}', 15, 'ANONYMOUS'),
    j('ListCategories', 'GET', '/categories', 10, 'ANONYMOUS'), j('GetInventory', 'GET', '/inventory/{sku}', 30),
    j('UpdatePrice', 'PATCH', '/products/{productId}/price', 55), j('BatchImportProducts', 'POST', '/products:batchImport', 2500, 'APP', 30000),
  ] },
  { name: 'payment-gateway', region: 'cn-shanghai', apis: [
    j('CreatePayment', 'POST', '/pay/v2/payments', 260, 'APP', 15000), j('QueryPayment', 'GET', '/pay/v2/payments/{paymentId}', 40),
    f('PaymentNotify', 'POST', '/pay/v2/notify/alipay', 70, 'ANONYMOUS'), j('CloseTrade', 'POST', '/pay/v2/payments/{paymentId}/close', 90),
  ] },
  { name: 'iot-device', region: 'cn-shanghai', apis: [
    j('ReportTelemetry', 'POST', '/iot/devices/{deviceId}/telemetry', 6), j('GetDeviceShadow', 'GET', '/iot/devices/{deviceId}/shadow', 14),
    j('UpdateDeviceShadow', 'PUT', '/iot/devices/{deviceId}/shadow', 22), j('ListDevices', 'GET', '/iot/devices', 110),
    j('InvokeService', 'POST', '/iot/devices/{deviceId}/services/{service}', 800, 'APP', 8000),
  ] },
  { name: '开放数据', customDomain: 'open.example-data.cn', region: 'cn-beijing', apis: [
    j('天气查询', 'GET', '/weather/query', 35, 'ANONYMOUS'), j('GeoDecode', 'GET', '/geo/decode', 28),
    f('身份证识别', 'POST', '/ocr/idcard', 650, 'APP'), j('TranslateText', 'POST', '/nlp/translate', 180),
    j('ExchangeRate', 'GET', '/fx/rates/{currency}', 12, 'ANONYMOUS'),
  ] },
  { name: 'internal-ops', region: 'ap-southeast-1', apis: [
    j('HealthCheck', 'GET', '/ops/health', 2, 'ANONYMOUS'), j('GetConfig', 'GET', '/ops/config/{key}', 5),
    j('RotateKey', 'POST', '/ops/keys/{keyId}/rotate', 140), j('AuditEvents', 'GET', '/ops/audit', 350),
    j('ExportReport', 'POST', '/ops/reports:export', 4000, 'JWT', 60000), j('ReindexSearch', 'POST', '/ops/search:reindex', 9000, 'JWT', 60000),
  ] },
];

/** A gateway-produced failure: the gateway answers itself with this code and status. */
export interface GatewayError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  /** Relative frequency among gateway failures. */
  readonly weight: number;
  /** Where the request stopped: before the backend, waiting on it, or failing to reach it. */
  readonly stage: 'front' | 'timeout' | 'connect' | 'internal';
}

/** Gateway error codes with plausible messages, by frequency (codes from domain.md section 4). */
export const GATEWAY_ERRORS: readonly GatewayError[] = [
  { code: 'T429ID', status: 429, message: 'Throttled by USER Flow Control', weight: 20, stage: 'front' },
  { code: 'T429PA', status: 429, message: 'Throttled by API Flow Control, You exceed the API\'s flow limit', weight: 12, stage: 'front' },
  { code: 'T429IN', status: 429, message: 'Throttled by INSTANCE Flow Control', weight: 3, stage: 'front' },
  { code: 'A403IS', status: 403, message: 'Invalid Signature, Server StringToSign:`GET\\napplication/json\\n\\n\\n/v1/users/10086`', weight: 9, stage: 'front' },
  { code: 'A401AC', status: 401, message: 'Invalid AppKey', weight: 6, stage: 'front' },
  { code: 'A403PR', status: 403, message: 'Unauthorized: the app has no permission to call this API', weight: 8, stage: 'front' },
  { code: 'A403IP', status: 403, message: 'Access denied by IP Control Policy', weight: 4, stage: 'front' },
  { code: 'A403EP', status: 403, message: 'App authorization expired', weight: 2, stage: 'front' },
  { code: 'A401AC', status: 401, message: 'Jwt token is expired: exp=1731480000', weight: 3, stage: 'front' },
  { code: 'I404NF', status: 404, message: 'API not found: no API matches path and method', weight: 7, stage: 'front' },
  { code: 'I400MH', status: 400, message: 'Header X-Ca-Key is required', weight: 2, stage: 'front' },
  { code: 'I413RL', status: 413, message: 'Request body too large', weight: 1, stage: 'front' },
  { code: 'I405UM', status: 405, message: 'Unsupported Method: TRACE', weight: 1, stage: 'front' },
  { code: 'B403MQ', status: 403, message: 'Request denied by security rule: malicious query', weight: 1, stage: 'front' },
  { code: 'D504TO', status: 504, message: 'Backend service request timeout', weight: 9, stage: 'timeout' },
  { code: 'D504CO', status: 504, message: 'Backend service connect failed `Timeout connecting to [/10.20.0.17:8080]`', weight: 3, stage: 'connect' },
  { code: 'D502FC', status: 502, message: 'Backend service connection refused `Connection refused: /10.20.0.23:8080`', weight: 2, stage: 'connect' },
  { code: 'D503CB', status: 503, message: 'Backend circuit breaker busy', weight: 1, stage: 'front' },
  { code: 'X500ER', status: 500, message: 'Service internal error', weight: 1, stage: 'internal' },
  { code: 'X504VE', status: 504, message: 'Backend service vpc mapping not exist or invalid', weight: 1, stage: 'connect' },
];

/** A status the backend produced; the gateway passes it on with an empty error code. */
export interface BackendFailure {
  readonly status: number;
  readonly exception: string;
  readonly weight: number;
}

/** Backend-produced failures and the error text they carry. */
export const BACKEND_FAILURES: readonly BackendFailure[] = [
  { status: 400, exception: 'IllegalArgumentException: parameter "pageSize" must be between 1 and 100', weight: 30 },
  { status: 401, exception: 'token invalid: signature mismatch', weight: 8 },
  { status: 404, exception: 'resource not found: 订单不存在', weight: 25 },
  { status: 409, exception: 'conflict: order state is PAID, cannot cancel', weight: 6 },
  { status: 422, exception: 'validation failed: phone "138-0000-000" is not a valid number', weight: 6 },
  { status: 500, exception: 'java.lang.NullPointerException\n\tat com.example.order.OrderService.load(OrderService.java:88)\n\tat com.example.order.OrderController.get(OrderController.java:41)', weight: 14 },
  { status: 502, exception: 'upstream \\"inventory-svc\\" returned malformed response', weight: 4 },
  { status: 503, exception: '服务暂时不可用，请稍后重试 (service temporarily unavailable)', weight: 7 },
];

/** Regions with their stages' share of traffic. */
export const STAGES: readonly { name: string; weight: number }[] = [
  { name: 'RELEASE', weight: 85 }, { name: 'PRE', weight: 10 }, { name: 'TEST', weight: 5 },
];

/** Calling application names (popular first). */
export const APP_NAMES: readonly string[] = [
  'mall_h5', 'mall_ios', 'mall_android', 'VIPROOM_VIPROOM', 'merchant_portal', 'iot_edge_gateway', 'ops_console',
  'partner_jd_sync', 'data_pipeline', 'wechat_miniapp', '客服工作台', 'finance_reconcile', 'qa_autotest',
  'legacy_erp', 'crm_sync', 'sms_platform', 'bi_reporting', 'mobile_beta', 'kiosk_app', 'ad_tracker',
  'partner_meituan', 'sandbox_demo', 'loadtest_bot', 'security_scanner',
];

/** User agents seen in request headers. */
export const USER_AGENTS: readonly string[] = [
  'okhttp/4.12.0', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) MicroMessenger/8.0.49', 'okhttp/3.14.9',
  'Apache-HttpClient/4.5.14 (Java/1.8.0_392)', 'python-requests/2.31.0', 'Go-http-client/1.1', 'curl/8.5.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0.0.0', 'axios/1.7.2', 'node-fetch/1.0',
  'aliyun-apigateway-sdk-java/2.1.6', 'Dalvik/2.1.0 (Linux; U; Android 14)',
];
