// RFC 3161 timestamps (optional, WQ_TSA_URL): the signature value is sent to a timestamp
// authority, whose signed token goes into the signature as the unsigned attribute
// id-aa-timeStampToken — the proof that the document was signed no later than that time,
// which outlives the signing certificate. The ASN.1 structures are @peculiar's schemas.
import { createHash, randomBytes } from "node:crypto";
import { Attribute, ContentInfo, SignedData } from "@peculiar/asn1-cms";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { MessageImprint, PKIStatus, TimeStampReq, TimeStampReqVersion, TimeStampResp } from "@peculiar/asn1-tsp";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";

const ID_SHA256 = "2.16.840.1.101.3.4.2.1";
const ID_AA_TIME_STAMP_TOKEN = "1.2.840.113549.1.9.16.2.14";

const toArrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Asks the TSA at `url` for a token over SHA-256(signatureValue); returns the token's DER. */
export async function timestampToken(url: string, signatureValue: Buffer, timeoutMs = 10_000): Promise<Buffer> {
  const nonce = randomBytes(8);
  nonce[0] &= 0x7f; // a positive INTEGER
  const request = new TimeStampReq({
    version: TimeStampReqVersion.v1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: ID_SHA256, parameters: null }),
      hashedMessage: new OctetString(createHash("sha256").update(signatureValue).digest()),
    }),
    nonce: toArrayBuffer(nonce),
    certReq: true,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/timestamp-query" },
      body: Buffer.from(AsnConvert.serialize(request)),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`时间戳服务器（WQ_TSA_URL）无法连接：${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`时间戳服务器（WQ_TSA_URL）返回 HTTP ${response.status}`);
  const reply = AsnConvert.parse(Buffer.from(await response.arrayBuffer()), TimeStampResp);
  const granted = reply.status.status === PKIStatus.granted || reply.status.status === PKIStatus.grantedWithMods;
  if (!granted || !reply.timeStampToken) {
    throw new Error(`时间戳服务器拒绝了请求（状态 ${reply.status.status}${reply.status.statusString ? `：${reply.status.statusString.join(" ")}` : ""}）`);
  }
  return Buffer.from(AsnConvert.serialize(reply.timeStampToken));
}

/** The PKCS#7 SignedData `der` with `token` added to its (one) signer as id-aa-timeStampToken. */
export function withTimestamp(der: Buffer, token: Buffer): Buffer {
  const info = AsnConvert.parse(der, ContentInfo);
  const signed = AsnConvert.parse(info.content, SignedData);
  const signer = signed.signerInfos[0];
  signer.unsignedAttrs = [new Attribute({ attrType: ID_AA_TIME_STAMP_TOKEN, attrValues: [toArrayBuffer(token)] })];
  info.content = AsnConvert.serialize(signed);
  return Buffer.from(AsnConvert.serialize(info));
}
