// nodemailer ships no types and @types/nodemailer is not installed: the little used here.
declare module 'nodemailer' {
  interface SendMailOptions {
    from: string;
    to: string;
    subject: string;
    text: string;
  }
  interface Transport {
    sendMail(options: SendMailOptions): Promise<{ messageId: string }>;
  }
  const nodemailer: { createTransport(options: string | { jsonTransport: true }): Transport };
  export default nodemailer;
}
