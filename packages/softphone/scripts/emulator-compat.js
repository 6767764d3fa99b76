// Served only by the development stack (`pnpm start`, the end-to-end tests), never part of the widget.
//
// TEMPORARY, until the emulator accepts Dataverse's names: Dataverse names the Regarding navigation
// property of a phone call `regardingobjectid_contact_phonecall` (the name core's activity workflow
// sends, and the only one a real org accepts); the emulator's Dataverse knows only activitypointer's
// `regardingobjectid_contact` and refuses the record. For the emulator, the softphone sends that name.
// Delete this file and its tag in dev-server.mjs once the emulator resolves `<lookup>_<target>_<entity>`.
const SETS = { contact: 'contacts', account: 'accounts', lead: 'leads', incident: 'incidents' };

const softphone = document.querySelector('cif-softphone');
if (softphone) {
  softphone.workflowOptions = {
    ...softphone.workflowOptions,
    activity: {
      markCompleted: true,
      fields: (call) => {
        const regarding = call.regarding;
        if (!regarding) return {};
        const set = SETS[regarding.entityName] ?? `${regarding.entityName}s`;
        return {
          [`regardingobjectid_${regarding.entityName}_phonecall@odata.bind`]: undefined,
          [`regardingobjectid_${regarding.entityName}@odata.bind`]: `/${set}(${regarding.id})`,
        };
      },
    },
  };
}
