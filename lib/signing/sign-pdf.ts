// PAdES-style signature of a whole PDF (adbe.pkcs7.detached, SHA-256): @signpdf adds the
// placeholder (through pdf-lib, before the document is written) and splices the signature
// in; node-forge builds the PKCS#7 SignedData. The RSA operation itself goes to Node's
// crypto (native, ~1 ms instead of ~20 ms in JavaScript): when forge asks our key to sign,
// it signs the DER of the signed attributes forge has just built (RFC 5652 5.4: the SET OF
// them), with SHA-256.
import { sign as nativeSign } from "node:crypto";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { Signer } from "@signpdf/utils";
import forge from "node-forge";
import type { PDFDocument } from "pdf-lib";
import type { SigningIdentity } from "./identity";
import { timestampToken, withTimestamp } from "./tsa";

/** A PDF text string (UTF-16BE with BOM) as the literal pdf-lib's PDFString writes verbatim. */
export function pdfTextLiteral(text: string): string {
  let out = "\u00fe\u00ff";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    for (const byte of [code >> 8, code & 0xff]) {
      const ch = String.fromCharCode(byte);
      out += ch === "(" || ch === ")" || ch === "\\" ? `\\${ch}` : ch;
    }
  }
  return out;
}

export type SignatureFields = {
  /** who signs: the school (the certificate's holder) */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
};

/** Reserves the signature (an invisible field on page 1) in a document about to be saved. */
export function addSignaturePlaceholder(doc: PDFDocument, identity: SigningIdentity, fields: SignatureFields): void {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    name: pdfTextLiteral(fields.name),
    reason: pdfTextLiteral(fields.reason),
    location: pdfTextLiteral(fields.location),
    contactInfo: "",
    signingTime: fields.signingTime,
    signatureLength: identity.signatureLength * 2, // hex digits
    appName: "wangqian",
  });
}

class UniversitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { identity } = this;
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString("binary"));
    for (const cert of identity.chain) p7.addCertificate(cert);
    type ForgeSigner = { authenticatedAttributesAsn1: forge.asn1.Asn1; signature: string };
    const signerOf = () => (p7 as unknown as { signers: ForgeSigner[] }).signers[0];
    const key = {
      // RSASSA-PKCS1-v1_5 with SHA-256 over the DER of the signed attributes as a SET
      sign: () => {
        const attributes = signerOf().authenticatedAttributesAsn1.value as forge.asn1.Asn1[];
        const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes);
        return nativeSign("sha256", Buffer.from(forge.asn1.toDer(set).getBytes(), "binary"), identity.privateKey).toString("binary");
      },
    };
    p7.addSigner({
      key: key as unknown as forge.pki.rsa.PrivateKey,
      certificate: identity.certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      // the order Adobe and the EU validators expect
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), "binary");
    if (!process.env.WQ_TSA_URL) return der;
    const signatureValue = Buffer.from(signerOf().signature, "binary");
    return withTimestamp(der, await timestampToken(process.env.WQ_TSA_URL, signatureValue));
  }
}

const signPdf = new SignPdf();

/** Signs a document that carries the placeholder (see addSignaturePlaceholder). */
export async function signPlaceholderPdf(bytes: Uint8Array, identity: SigningIdentity, signingTime: Date): Promise<Uint8Array> {
  const signed = await signPdf.sign(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), new UniversitySigner(identity), signingTime);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
