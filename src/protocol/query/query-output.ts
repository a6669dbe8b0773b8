// Writes query-protocol responses and errors: `<XResponse><XResult>..</XResult><ResponseMetadata>` for IAM, STS and
// RDS; `<XResponse><requestId>..` for EC2; `<ErrorResponse>` and EC2's `<Response><Errors>` for errors.
import type { AwsError } from '../../core/aws-error.js';
import type { Operation } from '../compiled-model.js';
import type { HttpResponse } from '../types.js';
import { escapeXmlAttribute, escapeXmlText, writeMembers, type XmlWriteOptions } from '../xml/xml-writer.js';
import type { QueryDialect } from './query-input.js';

const XML_OPTIONS: XmlWriteOptions = { millis: 'auto' };

export function writeQueryOutput(
  op: Operation,
  output: Record<string, unknown>,
  dialect: QueryDialect,
  xmlNamespace: string | undefined,
  requestId: string,
): HttpResponse {
  const ns = xmlNamespace ? ` xmlns="${escapeXmlAttribute(xmlNamespace)}"` : '';
  const members = op.output ? writeMembers(op.output, output, XML_OPTIONS) : '';
  const id = escapeXmlText(requestId);
  let inner: string;
  if (dialect === 'ec2') {
    inner = `<requestId>${id}</requestId>${members}`;
  } else {
    const wrapper = op.output ? (op.resultWrapper ?? `${op.name}Result`) : undefined;
    const result = wrapper ? `<${wrapper}>${members}</${wrapper}>` : '';
    inner = `${result}<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata>`;
  }
  return {
    status: 200,
    headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId },
    body: `<${op.name}Response${ns}>${inner}</${op.name}Response>`,
  };
}

export function writeQueryError(
  error: AwsError,
  dialect: QueryDialect,
  xmlNamespace: string | undefined,
  requestId: string,
): HttpResponse {
  const code = escapeXmlText(error.code);
  const message = escapeXmlText(error.message);
  const extra = Object.entries(error.extra)
    .map(([name, value]) => `<${name}>${escapeXmlText(value)}</${name}>`)
    .join('');
  const id = escapeXmlText(requestId);
  let body: string;
  if (dialect === 'ec2') {
    body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message>${extra}</Error></Errors><RequestID>${id}</RequestID></Response>`;
  } else {
    const ns = xmlNamespace ? ` xmlns="${escapeXmlAttribute(xmlNamespace)}"` : '';
    const errorXml = `<Error><Type>${error.type}</Type><Code>${code}</Code><Message>${message}</Message>${extra}</Error>`;
    body = `<ErrorResponse${ns}>${errorXml}<RequestId>${id}</RequestId></ErrorResponse>`;
  }
  return {
    status: error.status,
    headers: { ...error.headers, 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId },
    body,
  };
}
