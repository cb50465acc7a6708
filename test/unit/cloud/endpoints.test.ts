import { strict as assert } from 'node:assert';
import {
  EndpointError, PUBLIC_REGIONS, ENDPOINT_MAP, isLoopbackHost, parseEndpointOverride, resolveEndpoint,
} from '../../../src/cloud/endpoints';

describe('cloud/endpoints', () => {
  it('offers public regions that all map to apigateway.<region>.aliyuncs.com', () => {
    assert.equal(PUBLIC_REGIONS.length, 26);
    for (const region of PUBLIC_REGIONS) assert.equal(ENDPOINT_MAP[region], `apigateway.${region}.aliyuncs.com`, region);
  });

  it('resolves a region to an HTTPS endpoint on port 443', () => {
    assert.deepEqual(resolveEndpoint('cn-beijing'), {
      protocol: 'https', hostname: 'apigateway.cn-beijing.aliyuncs.com', port: 443, hostHeader: 'apigateway.cn-beijing.aliyuncs.com',
    });
    assert.equal(resolveEndpoint('cn-beijing', '  ').hostname, 'apigateway.cn-beijing.aliyuncs.com');
  });

  it('parses overrides: host, host:port, https://, http:// on loopback, IPv6', () => {
    assert.deepEqual(parseEndpointOverride('apigateway-vpc.cn-hangzhou.aliyuncs.com'),
      { protocol: 'https', hostname: 'apigateway-vpc.cn-hangzhou.aliyuncs.com', port: 443, hostHeader: 'apigateway-vpc.cn-hangzhou.aliyuncs.com' });
    assert.deepEqual(parseEndpointOverride('https://10.0.0.5:8443/'),
      { protocol: 'https', hostname: '10.0.0.5', port: 8443, hostHeader: '10.0.0.5:8443' });
    assert.deepEqual(parseEndpointOverride('http://127.0.0.1:9000'),
      { protocol: 'http', hostname: '127.0.0.1', port: 9000, hostHeader: '127.0.0.1:9000' });
    assert.deepEqual(parseEndpointOverride('http://[::1]:9000'),
      { protocol: 'http', hostname: '::1', port: 9000, hostHeader: '[::1]:9000' });
    assert.equal(parseEndpointOverride('HTTP://localhost').port, 80);
  });

  it('rejects plain http to other hosts, other schemes, paths, bad ports and bad names', () => {
    for (const bad of ['http://example.com', 'http://10.0.0.1:80', 'http://128.0.0.1', 'ftp://localhost', 'host/path',
      'host:0', 'host:70000', 'user@host', 'ho st', '']) {
      assert.throws(() => parseEndpointOverride(bad), EndpointError, bad);
    }
  });

  it('recognises loopback hosts only', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['localhost.evil.com', '10.0.0.1', '0.0.0.0', '::', '127.0.0.1.nip.io']) assert.ok(!isLoopbackHost(host), host);
  });

  it('rejects region ids that could inject into a host name', () => {
    for (const bad of ['cn-hangzhou.evil.com', 'cn hangzhou', 'CN-HANGZHOU', 'hangzhou', 'cn-hangzhou/x']) {
      assert.throws(() => resolveEndpoint(bad), EndpointError, bad);
    }
  });
});
