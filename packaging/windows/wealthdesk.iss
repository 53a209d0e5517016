; Inno Setup 6 script of WealthDesk's Windows installer (built by packaging/windows/build.ps1).
;
;   iscc /DAppVersion=0.1.0 /DBundle=..\..\build\packaging\dist\wealthdesk packaging\windows\wealthdesk.iss
;
; Why Inno Setup and not an MSI: one script, a Chinese wizard, and the switches the
; branches' desktop-management tools use for unattended installs
; (setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART, and unins000.exe /VERYSILENT to
; remove). Where IT deploys only by Group Policy, which installs MSI packages alone, wrap
; this setup.exe (or build an MSI with WiX from the same bundle folder); nothing in the
; bundle depends on the installer used.
;
; What it installs: the PyInstaller onedir bundle into Program Files (per machine, so an
; ordinary user cannot change the program), Start menu and optional desktop shortcuts to
; the windowless wealthdesk-desk.exe, and wealthdesk.exe (the command line) on the
; machine's PATH. Each user's data, settings and logs stay in their own profile
; (%APPDATA%\WealthDesk, %LOCALAPPDATA%\WealthDesk) and are kept on uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Bundle
  #define Bundle "..\..\build\packaging\dist\wealthdesk"
#endif
#ifndef Icon
  #define Icon "..\..\build\packaging\wealthdesk.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\packaging"
#endif

[Setup]
; The AppId is the product's identity for upgrades and removal: never change it.
AppId={{5B0E7C39-8C1F-4C0B-9E51-3A7E2C6D9F14}
AppName=WealthDesk
AppVersion={#AppVersion}
AppVerName=WealthDesk {#AppVersion}
AppPublisher=WealthDesk
DefaultDirName={autopf}\WealthDesk
DefaultGroupName=WealthDesk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; PySide6 6.12 supports Windows 10 (1809) and later.
MinVersion=10.0.17763
ChangesEnvironment=yes
CloseApplications=yes
SetupIconFile={#Icon}
UninstallDisplayIcon={app}\wealthdesk-desk.exe
OutputDir={#OutputDir}
OutputBaseFilename=wealthdesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.AppComment=The desk of a branch's wealth-management room
zh_CN.AppComment=理财室桌面助手
en.DesktopIcon=Create a desktop shortcut
zh_CN.DesktopIcon=创建桌面快捷方式

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[Files]
; The whole bundle; an update replaces it, and files the old version had but the new
; one does not are removed first ([InstallDelete]).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\WealthDesk"; Filename: "{app}\wealthdesk-desk.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\WealthDesk"; Filename: "{app}\wealthdesk-desk.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; wealthdesk.exe on the machine's PATH, for scheduled jobs (day-close, backup).
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
    ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
    Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\wealthdesk-desk.exe"; Flags: nowait postinstall skipifsilent; Description: "{cm:LaunchProgram,WealthDesk}"

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment',
    'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment',
    'Path', Path) then
    exit;
  Dir := ExpandConstant('{app}');
  P := Pos(';' + Uppercase(Dir), Uppercase(Path));
  if P > 0 then
  begin
    Delete(Path, P, Length(Dir) + 1);
    RegWriteExpandStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment',
      'Path', Path);
  end;
end;
