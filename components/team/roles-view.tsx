"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Eye, Lock, Pencil, Plus, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PageHeader } from "@/components/shell/page-header";
import { useScopeKey } from "@/components/shell/scope-context";
import { ALL_PERMISSIONS, PERMISSION_GROUPS } from "@/lib/auth/permissions";
import type { RoleSummary } from "@/lib/team/list-roles";
import { fetchRoles, teamKey } from "./api";
import { DeleteRoleDialog, RoleEditorDialog } from "./role-dialogs";

/** "Collections, Payouts (manage), …": which areas a role reaches, in one line. */
function summary(role: RoleSummary): string {
  if (role.permissions.length === ALL_PERMISSIONS.length) return "All permissions";
  if (!role.permissions.length) return "No permissions (Dashboard only)";
  const parts: string[] = [];
  for (const g of PERMISSION_GROUPS) {
    const held = Object.entries(g.permissions).filter(([, p]) => role.permissions.includes(p));
    if (!held.length) continue;
    const extra = held.map(([k]) => k).filter((k) => k !== "read");
    parts.push(extra.length ? `${g.area} (${extra.join(", ")})` : g.area);
  }
  return parts.join(", ");
}

export function RolesView({ initialRoles }: { initialRoles: RoleSummary[] }) {
  const scopeKey = useScopeKey();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: roles } = useQuery({
    queryKey: teamKey(scopeKey, "roles"),
    queryFn: fetchRoles,
    initialData: initialRoles,
  });
  const [editor, setEditor] = useState<{ open: boolean; role: RoleSummary | null }>({ open: false, role: null });
  const [deleting, setDeleting] = useState<RoleSummary | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: teamKey(scopeKey) });
    router.refresh();
  };

  return (
    <>
      <PageHeader
        title="Roles & Permissions"
        description="Define roles and the permissions they grant"
        actions={
          <Button onClick={() => setEditor({ open: true, role: null })}>
            <Plus aria-hidden /> Create role
          </Button>
        }
      />
      <Card>
        <CardContent>
          <Table aria-label="Roles">
            <TableHeader>
              <TableRow>
                <TableHead>Role</TableHead>
                <TableHead className="w-28">Members</TableHead>
                <TableHead>Permissions</TableHead>
                <TableHead className="w-32 text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {roles.map((role) => (
                <TableRow key={role.id} data-testid="role-row" data-role={role.name}>
                  <TableCell className="align-top">
                    <div className="flex items-center gap-2 font-medium">
                      {role.name}
                      {role.isBuiltin ? (
                        <Badge variant="secondary">
                          <Lock aria-hidden /> Built-in
                        </Badge>
                      ) : (
                        <Badge variant="outline">Custom</Badge>
                      )}
                    </div>
                    {role.description && (
                      <p className="mt-1 max-w-md text-xs text-muted-foreground">{role.description}</p>
                    )}
                  </TableCell>
                  <TableCell className="align-top tabular-nums">
                    {role.memberCount}
                    {role.pendingInviteCount > 0 && (
                      <span className="block text-xs text-muted-foreground">+{role.pendingInviteCount} invited</span>
                    )}
                  </TableCell>
                  <TableCell className="align-top text-sm text-muted-foreground">
                    <span className="line-clamp-2">{summary(role)}</span>
                  </TableCell>
                  <TableCell className="text-right align-top">
                    {role.isBuiltin ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`View ${role.name}`}
                        onClick={() => setEditor({ open: true, role })}
                      >
                        <Eye aria-hidden /> View
                      </Button>
                    ) : (
                      <div className="flex justify-end gap-1">
                        <Button
                          variant="ghost"
                          size="icon"
                          aria-label={`Edit ${role.name}`}
                          onClick={() => setEditor({ open: true, role })}
                        >
                          <Pencil aria-hidden />
                        </Button>
                        <Button
                          variant="ghost"
                          size="icon"
                          aria-label={`Delete ${role.name}`}
                          onClick={() => setDeleting(role)}
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <RoleEditorDialog
        open={editor.open}
        role={editor.role}
        onOpenChange={(open) => setEditor((e) => ({ ...e, open }))}
        onSaved={refresh}
      />
      <DeleteRoleDialog
        role={deleting}
        roles={roles}
        onOpenChange={(o) => !o && setDeleting(null)}
        onDeleted={refresh}
      />
    </>
  );
}
