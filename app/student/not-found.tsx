import { NotFoundScreen } from "@/components/shell/error-screens";

// notFound() in this area: the zh-CN 404 inside the area's shell.
export default function NotFound() {
  return <NotFoundScreen />;
}
