// npm start (before the server): the certificate official PDFs are signed with. Without
// WQ_SIGNING_P12 the self-signed demo certificate is generated under .data/signing on the
// first start; either way, say which one it is.
import path from "node:path";
import { demoP12Path, signingIdentity } from "@/lib/signing/identity";

try {
  const identity = signingIdentity();
  const until = identity.certificate.validity.notAfter.toISOString().slice(0, 10);
  if (identity.demo) {
    console.log(`[网签] 协议书数字签名：自签名演示证书 ${path.relative(process.cwd(), demoP12Path())}（“${identity.commonName}”，有效期至 ${until}）。生产环境请设置 WQ_SIGNING_P12 与 WQ_SIGNING_P12_PASSWORD。`);
  } else {
    console.log(`[网签] 协议书数字签名：${identity.commonName}（WQ_SIGNING_P12，有效期至 ${until}，SHA-256 指纹 ${identity.fingerprint.slice(0, 16)}…）`);
  }
  if (process.env.WQ_TSA_URL) console.log(`[网签] 时间戳服务（RFC 3161）：${process.env.WQ_TSA_URL}`);
} catch (error) {
  console.error(`[网签] 签名证书不可用：${(error as Error).message}`);
  process.exit(1);
}
