"use client";

// An error of ours in this area: the zh-CN error screen inside the area's shell.
export { SegmentError as default } from "@/components/shell/error-boundary";
