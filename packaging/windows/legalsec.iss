; Inno Setup script for Legal Secretary: a per-user install of the frozen one-folder build, no administrator rights.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\legalsec.iss
;
; Reads dist\legalsec-desktop\ (made by `python packaging\build.py`) and writes
; dist\legalsec-desktop-<version>-setup.exe. The uninstaller removes only the program's own folder and
; shortcuts: the user's database and backups (%LOCALAPPDATA%\legalsec-desktop) and documents
; (Documents\Legalsec Documents, Documents\Legalsec Templates) are never touched.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Legal Secretary"
#define AppExe "legalsec-desktop.exe"
#define Dist "..\..\dist\legalsec-desktop"

[Setup]
; The AppId ties every version together: a newer installer upgrades the older install in place. Never change it.
AppId={{876E5464-4DE4-4CEB-B414-15FDB12C9E0A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=legalsec-desktop developers
; must be numeric (1.2.3): a release is tagged with plain numbers
VersionInfoVersion={#AppVersion}
; per user: no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=legalsec-desktop-{#AppVersion}-setup
SetupIconFile=..\legalsec.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; lzma2/normal: nearly max's size for a third of its time on ~190 MB (the CI job has 15 minutes)
Compression=lzma2/normal
SolidCompression=yes
LZMANumBlockThreads=2
WizardStyle=modern
; a running copy is closed (the Restart Manager asks first) so two versions never share one database
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; the previous version's libraries, so an upgrade never mixes two versions' files (program folder only)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only the program folder, and only if nothing else is left in it
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('Legal Secretary has been removed. Your database and backups are kept in '
      + ExpandConstant('{localappdata}') + '\legalsec-desktop, and your documents in your Documents folder.',
      mbInformation, MB_OK);
end;
