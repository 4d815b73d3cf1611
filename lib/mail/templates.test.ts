import { describe, expect, it } from "vitest";
import { passwordResetMail } from "./templates";

describe("the password reset mail", () => {
  const mail = passwordResetMail({ to: "ama+ops@example.test", name: "Ama", code: "402913", firstPassword: false });
  const link = /(https?:\/\/\S+\/reset-password\S*)/.exec(mail.text)?.[1];

  it("links to the reset page with the email filled in", () => {
    expect(link).toBeDefined();
    expect(new URL(link!).searchParams.get("email")).toBe("ama+ops@example.test");
    expect(mail.html).toContain(`href="${link!.replace(/&/g, "&amp;")}"`);
  });

  it("never puts the code in the link", () => {
    expect(link).not.toContain("402913");
    expect(mail.text).toContain("402913");
  });
});
