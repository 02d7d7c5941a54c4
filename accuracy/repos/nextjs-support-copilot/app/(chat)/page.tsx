import { redirect } from "next/navigation";
import { Chat } from "@/components/chat";
import { getSessionUser } from "@/lib/auth";

export default async function Page() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return (
    <main>
      <h1>Hi {user.name.split(" ")[0]}, how can we help?</h1>
      <Chat />
    </main>
  );
}
